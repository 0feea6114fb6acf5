package input

import (
	"encoding/binary"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
)

const hindi = "किम ने पुतिन से बातचीत की। दोनों नेताओं ने सहयोग पर सहमति जताई।\n"

func utf16Bytes(s string, order binary.ByteOrder, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	b := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(b[2*i:], u)
	}
	return b
}

func TestCheckText(t *testing.T) {
	english := "Kim spoke with Putin by phone on Wednesday, state media said.\n"
	cases := []struct {
		name string
		data []byte
		want string // "" accepted, else a part of the error
	}{
		{"hindi", []byte(hindi), ""},
		{"english", []byte(english), ""},
		{"bom and text", append([]byte("\uFEFF"), hindi...), ""},
		{"tabs", []byte("a\tb\tc\n" + hindi), ""},
		{"empty", nil, "empty"},
		{"white space", []byte(" \n\t\r\n "), "empty"},
		{"bom only", []byte("\uFEFF"), "byte-order mark and nothing else"},
		{"utf-16le bom hindi", utf16Bytes(hindi, binary.LittleEndian, true), "UTF-16 (little-endian, with a byte-order mark)"},
		{"utf-16be bom", utf16Bytes(english, binary.BigEndian, true), "UTF-16 (big-endian, with a byte-order mark)"},
		{"utf-16le hindi no bom", utf16Bytes(hindi, binary.LittleEndian, false), "UTF-16 (little-endian, without a byte-order mark)"},
		{"utf-16be hindi no bom", utf16Bytes(hindi, binary.BigEndian, false), "UTF-16 (big-endian, without a byte-order mark)"},
		{"utf-16le english no bom", utf16Bytes(english, binary.LittleEndian, false), "UTF-16 (little-endian, without a byte-order mark)"},
		{"utf-16le urdu no bom", utf16Bytes("کم نے پوتن سے بات کی۔\n", binary.LittleEndian, false), "UTF-16 (little-endian"},
		{"utf-32le bom", append([]byte{0xFF, 0xFE, 0, 0}, 'a', 0, 0, 0), "UTF-32"},
		{"nul bytes", []byte("text\x00more text and more"), "NUL"},
		{"latin-1", []byte("caf\xe9 au lait"), "not UTF-8 text (invalid byte 0xe9 at offset 3)"},
		{"control bytes", []byte(strings.Repeat("\x01\x02\x03ab", 50)), "control characters"},
	}
	for _, c := range cases {
		err := CheckText(c.data)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want an error with %q", c.name, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: a message of more than one line: %q", c.name, err)
		}
	}
}

func TestReadRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Limit: 1 << 20, Wait: 200 * time.Millisecond}
	file := filepath.Join(dir, "a.txt")
	os.WriteFile(file, []byte(hindi), 0o644)
	if b, err := Read(file, opts); err != nil || string(b) != hindi {
		t.Fatalf("regular file: %q %v", b, err)
	}
	loop := filepath.Join(dir, "loop")
	os.Symlink(filepath.Join(dir, "loop2"), loop)
	os.Symlink(loop, filepath.Join(dir, "loop2"))
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, make([]byte, 2<<20), 0o644)
	sock := filepath.Join(dir, "s.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.txt"), "no such file"},
		{dir, "is a directory"},
		{loop, "symbolic link loop"},
		{big, "over the 1.0 MiB limit"},
		{"/dev/null", "character device"},
		{"/dev/zero", "character device"},
		{sock, "socket"},
		{fifo, "named pipe that nothing wrote to"},
	} {
		if _, err := Read(c.path, opts); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.path, err, c.want)
		}
	}
}

// A named pipe with a writer is read to its end; one whose writer stalls
// is given up on after Wait.
func TestReadNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(hindi)
		f.Close()
	}()
	b, err := Read(fifo, Options{Limit: 1 << 20, Wait: time.Minute})
	if err != nil || string(b) != hindi {
		t.Fatalf("pipe with a writer: %q %v", b, err)
	}
	stall := make(chan struct{})
	defer close(stall)
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString("a beginning")
		<-stall
		f.Close()
	}()
	// (on a busy machine the writer may not even have opened it in time:
	// either way the read gives up instead of hanging)
	if _, err := Read(fifo, Options{Limit: 1 << 20, Wait: 300 * time.Millisecond}); err == nil || !strings.Contains(err.Error(), "named pipe that") {
		t.Errorf("stalled pipe: %v", err)
	}
}
