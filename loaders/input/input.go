// Package input reads what a user gives kg load and checks that it can be
// text: a regular file (or a named pipe that a writer opens in time), not
// too big, in UTF-8. Every refusal is an error of one line that says what
// the input is and what to do; nothing here waits without a deadline.
package input

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Options bound a read.
type Options struct {
	// Limit is the most bytes an input may hold.
	Limit int64
	// Wait is how long a named pipe may take to get a writer, and how long
	// a pipe may go without sending anything (default 10s).
	Wait time.Duration
}

// Read reads the file at name. It refuses what is not a regular file
// (directory, device, socket, a symbolic-link loop) before opening it,
// except a named pipe, which it opens and reads under Options.Wait: a pipe
// nobody writes to is an error, not a hang.
func Read(name string, opts Options) ([]byte, error) {
	if opts.Wait <= 0 {
		opts.Wait = 10 * time.Second
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, statError(err)
	}
	switch m := st.Mode(); {
	case m.IsDir():
		return nil, errors.New("is a directory (give the article files, e.g. dir/*.txt)")
	case m.IsRegular():
		if st.Size() > opts.Limit {
			return nil, fmt.Errorf("file is %s, over the %s limit for one input", Size(st.Size()), Size(opts.Limit))
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return readAll(f, opts.Limit)
	case m&os.ModeNamedPipe != 0:
		return readPipe(name, opts)
	case m&os.ModeCharDevice != 0:
		return nil, errors.New("is a character device, not a file (kg reads regular files, named pipes and standard input)")
	case m&os.ModeDevice != 0:
		return nil, errors.New("is a block device, not a file (kg reads regular files, named pipes and standard input)")
	case m&os.ModeSocket != 0:
		return nil, errors.New("is a socket, not a file (kg reads regular files, named pipes and standard input)")
	}
	return nil, fmt.Errorf("is not a regular file (%v)", st.Mode().Type())
}

func statError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errors.New("no such file")
	case errors.Is(err, syscall.ELOOP):
		return errors.New("symbolic link loop (the link points, through others, back to itself)")
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readPipe opens a named pipe, which blocks until a writer opens it too,
// in a goroutine, and gives up after opts.Wait; then it reads with a
// deadline renewed by every chunk that arrives.
func readPipe(name string, opts Options) ([]byte, error) {
	type opened struct {
		f   *os.File
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		f, err := os.Open(name)
		ch <- opened{f, err}
	}()
	var f *os.File
	select {
	case o := <-ch:
		if o.err != nil {
			return nil, o.err
		}
		f = o.f
	case <-time.After(opts.Wait):
		// The open stays blocked until a writer comes; when one does, close
		// what it returns. A command-line run ends before that anyway.
		go func() {
			if o := <-ch; o.f != nil {
				o.f.Close()
			}
		}()
		return nil, fmt.Errorf("is a named pipe that nothing wrote to within %v", opts.Wait)
	}
	defer f.Close()
	var b bytes.Buffer
	buf := make([]byte, 64<<10)
	for {
		// Go's poller serves pipes, so a read can have a deadline; where it
		// cannot, the read simply blocks as it would have.
		_ = f.SetReadDeadline(time.Now().Add(opts.Wait))
		n, err := f.Read(buf)
		b.Write(buf[:n])
		if int64(b.Len()) > opts.Limit {
			return nil, fmt.Errorf("input is over the %s limit for one input", Size(opts.Limit))
		}
		if errors.Is(err, io.EOF) {
			return b.Bytes(), nil
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, fmt.Errorf("is a named pipe that sent nothing for %v (after %s)", opts.Wait, Size(int64(b.Len())))
		}
		if err != nil {
			return nil, err
		}
	}
}

// ReadStdin reads standard input, refusing a terminal: kg load - reads
// what is piped to it, and a person at a terminal would wait for nothing.
func ReadStdin(f *os.File, limit int64) ([]byte, error) {
	if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
		return nil, errors.New("standard input is a terminal: pipe an article to it (cat article.txt | kg load --id ID -)")
	}
	return readAll(f, limit)
}

func readAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("input is over the %s limit for one input", Size(limit))
	}
	return data, nil
}

// CheckText refuses data that is not an article's text: empty (or white
// space, or a byte-order mark alone), UTF-16 or UTF-32 (with or without a
// byte-order mark: the error names the encoding and how to convert it),
// other binary data, or bytes that are not UTF-8.
func CheckText(data []byte) error {
	for _, bom := range []struct {
		mark []byte
		name string
	}{
		{[]byte{0x00, 0x00, 0xFE, 0xFF}, "UTF-32 (big-endian, with a byte-order mark)"},
		{[]byte{0xFF, 0xFE, 0x00, 0x00}, "UTF-32 (little-endian, with a byte-order mark)"},
		{[]byte{0xFE, 0xFF}, "UTF-16 (big-endian, with a byte-order mark)"},
		{[]byte{0xFF, 0xFE}, "UTF-16 (little-endian, with a byte-order mark)"},
	} {
		if bytes.HasPrefix(data, bom.mark) {
			return encodingError(bom.name)
		}
	}
	text := bytes.TrimPrefix(data, []byte("\uFEFF"))
	if len(bytes.TrimSpace(text)) == 0 {
		if len(text) < len(data) {
			return errors.New("file is empty (a byte-order mark and nothing else)")
		}
		return errors.New("file is empty")
	}
	if name, ok := utf16Unmarked(data); ok {
		return encodingError(name)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return errors.New("binary data (NUL bytes), not a text article")
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		return fmt.Errorf("not UTF-8 text (invalid byte 0x%02x at offset %d); convert it with iconv first", data[off], off)
	}
	if n := controls(text); n*10 > utf8.RuneCount(text) {
		return fmt.Errorf("binary data (%d control characters), not a text article", n)
	}
	return nil
}

func encodingError(name string) error {
	return fmt.Errorf("the file is %s, not UTF-8: convert it first (iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8; for UTF-32, -f UTF-32)", name)
}

// utf16Unmarked recognises UTF-16 without a byte-order mark. Hindi in
// UTF-16 is every other byte 0x09 (a tab), English every other byte 0x00
// and Urdu 0x06, so that read as bytes it is a quarter or more control
// characters (and may even be valid UTF-8). It is UTF-16 when one byte
// order decodes to text in the scripts of kg's news (Latin, Devanagari,
// Arabic, and the common punctuation and digits), with hardly a control
// character.
func utf16Unmarked(data []byte) (string, bool) {
	if len(data) < 4 {
		return "", false
	}
	low := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' {
			low++
		}
	}
	if low*4 < len(data) {
		return "", false // as bytes it reads as text: not UTF-16
	}
	for _, o := range []struct {
		order binary.ByteOrder
		name  string
	}{{binary.LittleEndian, "UTF-16 (little-endian, without a byte-order mark)"}, {binary.BigEndian, "UTF-16 (big-endian, without a byte-order mark)"}} {
		units := make([]uint16, len(data)/2)
		for i := range units {
			units[i] = o.order.Uint16(data[2*i:])
		}
		good, all := 0, 0
		for _, r := range utf16.Decode(units) {
			all++
			if r == '\n' || r == '\r' || r == '\t' || unicode.IsSpace(r) ||
				unicode.IsPrint(r) && unicode.In(r, unicode.Latin, unicode.Devanagari, unicode.Arabic, unicode.Common, unicode.Inherited) {
				good++
			}
		}
		if all > 0 && good*10 >= all*9 {
			return o.name, true
		}
	}
	return "", false
}

// controls counts the bytes or runes below U+0020 other than tab, LF and
// CR (and DEL): a text has few, a binary or a mis-read UTF-16 file many.
func controls(b []byte) int {
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
			n++
		}
	}
	return n
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// Size writes a byte count for a message.
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
