package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/urfave/cli/v2"
)

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the store (or a part of it) in a format other tools read",
		Description: `Examples:
   kg export --format nquads > all.nq
   kg export --format nquads -o all.nq`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "nquads", Usage: "output format: nquads"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
		},
		Action: func(c *cli.Context) error {
			if f := c.String("format"); f != "nquads" {
				return cli.Exit(fmt.Sprintf("export: unknown format %q (have: nquads)", f), 2)
			}
			st, err := openStore(c, "kg export")
			if err != nil {
				return err
			}
			defer st.Close()
			return writeOutput(c, func(w io.Writer) error {
				qw := nquads.NewWriter(w)
				if err := st.Each(c.Context, func(q quad.Quad) error { return qw.WriteQuad(q) }); err != nil {
					return err
				}
				return qw.Close()
			})
		},
	}
}

// writeOutput runs write against -o FILE (written to a temporary file and
// renamed, so a failed export never leaves half a file) or standard output.
func writeOutput(c *cli.Context, write func(io.Writer) error) error {
	path := c.String("output")
	if path == "" || path == "-" {
		bw := bufio.NewWriter(stdout(c))
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	tmp, err := os.CreateTemp(dirOf(path), ".kg-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[:i+1]
		}
	}
	return "."
}
