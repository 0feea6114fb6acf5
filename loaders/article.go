package loaders

import "errors"

func parseArticle(in Input) (*Result, error) {
	return nil, errors.New("article extraction is not built yet")
}
