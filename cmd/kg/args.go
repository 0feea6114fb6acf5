package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed are the commands whose own options may also follow their
// arguments (kg load a.txt --date 2025-08-13): their arguments are files
// or article names. kg query and kg export read what follows a query's
// name themselves.
var interspersed = map[string]bool{"load": true, "rm": true, "stats": true, "serve": true}

// normalizeArgs lets kg's global options (--db, -q, --server, --token)
// come after the command as well as before it, and the options of
// commands in interspersed come after their arguments too: urfave/cli
// reads global options only before the command, and a command's options
// only before its first argument. It moves such options, with their
// values, to where urfave/cli reads them. Everything after "--" stays.
func normalizeArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	globals := flagIndex(app.Flags)
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "--" {
		i += 1 + valueCount(globals, args[i])
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	own := flagIndex(cmd.Flags)
	head := append([]string{}, args[:i]...) // program and global options
	var moved, ownFlags, rest []string
	j := i + 1
	for ; j < len(args); j++ {
		a := args[j]
		if a == "--" {
			break
		}
		name := flagName(a)
		n := 0
		switch {
		case name == "":
			rest = append(rest, a)
			continue
		case own[name] != nil:
			n = valueCount(own, a)
			if interspersed[cmd.Name] {
				ownFlags = append(ownFlags, args[j:min(j+1+n, len(args))]...)
				j += n
				continue
			}
		case globals[name] != nil:
			n = valueCount(globals, a)
			moved = append(moved, args[j:min(j+1+n, len(args))]...)
			j += n
			continue
		}
		rest = append(rest, args[j:min(j+1+n, len(args))]...)
		j += n
	}
	j = min(j, len(args)) // an option whose value is missing ends the line
	out := append(head, moved...)
	out = append(out, args[i])
	out = append(out, ownFlags...)
	out = append(out, rest...)
	return append(out, args[j:]...)
}

// flagIndex maps every name and alias of flags to the flag.
func flagIndex(flags []cli.Flag) map[string]cli.Flag {
	m := map[string]cli.Flag{}
	for _, f := range flags {
		for _, n := range f.Names() {
			m[n] = f
		}
	}
	return m
}

// flagName is the name in "--name", "-n" or "--name=value"; "" for an
// argument that is no option.
func flagName(a string) string {
	if len(a) < 2 || a[0] != '-' || a == "--" {
		return ""
	}
	name := strings.TrimLeft(a, "-")
	name, _, _ = strings.Cut(name, "=")
	return name
}

// valueCount is how many arguments after a option are its value.
func valueCount(index map[string]cli.Flag, a string) int {
	f := index[flagName(a)]
	if f == nil || strings.Contains(a, "=") {
		return 0
	}
	if dg, ok := f.(cli.DocGenerationFlag); ok && dg.TakesValue() {
		return 1
	}
	return 0
}

// usageError is how kg reports a mistake in the options: one line that
// says what was wrong and the command's usage line, not the whole help.
func usageError(c *cli.Context, err error, _ bool) error {
	return cli.Exit(fmt.Sprintf("%v\n%s", err, usageLine(c)), 2)
}

// usageLine is a command's synopsis, with where to read more.
func usageLine(c *cli.Context) string {
	cmd := c.Command
	if cmd == nil || cmd.Name == "" || c.App.Command(cmd.Name) == nil {
		return "usage: kg [--db DIR] [-q] [--server URL] COMMAND [options] [arguments]; kg --help lists the commands"
	}
	args := cmd.ArgsUsage
	if args != "" {
		args = " " + args
	}
	return fmt.Sprintf("usage: kg %s [options]%s; kg %s --help tells more", cmd.Name, args, cmd.Name)
}
