package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"biasdiff": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the CLI scripts in testdata/script. Besides testscript's
// own commands they have:
//
//	status N cmd args...   run cmd and check that it exits with status N
//	mkbig SIZE FILE        write a text file of SIZE bytes (e.g. 100M)
//	mkbytes FILE HEX       write the bytes given in hex
//	sha256 FILE...         print the files' checksums
//	mkstale DIR            make DIR as a corpus run killed on this host leaves it
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":  cmdStatus,
			"mkbig":   cmdMkbig,
			"mkbytes": cmdMkbytes,
			"stamp":   cmdStamp,
			"mkstale": cmdMkstale,
		},
	})
}

func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N cmd args...")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %v", err)
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("status: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

func cmdMkbig(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mkbig SIZE FILE")
	}
	size := args[0]
	mult := 1
	switch {
	case strings.HasSuffix(size, "M"):
		mult, size = 1<<20, strings.TrimSuffix(size, "M")
	case strings.HasSuffix(size, "K"):
		mult, size = 1<<10, strings.TrimSuffix(size, "K")
	}
	n, err := strconv.Atoi(size)
	if err != nil {
		ts.Fatalf("mkbig: %v", err)
	}
	n *= mult
	para := []byte("The minister said the talks would continue next month, officials added.\n\n")
	buf := make([]byte, 0, n)
	for len(buf) < n {
		buf = append(buf, para[:min(len(para), n-len(buf))]...)
	}
	if err := os.WriteFile(ts.MkAbs(args[1]), buf, 0o644); err != nil {
		ts.Fatalf("mkbig: %v", err)
	}
}

func cmdMkbytes(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: mkbytes FILE HEX")
	}
	b, err := hex.DecodeString(args[1])
	if err != nil {
		ts.Fatalf("mkbytes: %v", err)
	}
	if err := os.WriteFile(ts.MkAbs(args[0]), b, 0o644); err != nil {
		ts.Fatalf("mkbytes: %v", err)
	}
}

// cmdStamp prints each file's SHA-256, modification time (ns) and mode:
// two stamps of the same files are equal only if nothing wrote to them.
func cmdStamp(ts *testscript.TestScript, neg bool, args []string) {
	for _, f := range args {
		b, err := os.ReadFile(ts.MkAbs(f))
		if err != nil {
			ts.Fatalf("stamp: %v", err)
		}
		fi, err := os.Stat(ts.MkAbs(f))
		if err != nil {
			ts.Fatalf("stamp: %v", err)
		}
		sum := sha256.Sum256(b)
		fmt.Fprintf(ts.Stdout(), "%s  %d  %v  %s\n", hex.EncodeToString(sum[:]), fi.ModTime().UnixNano(), fi.Mode(), f)
	}
}

// cmdMkstale makes a directory as a killed corpus run leaves its temporary
// output: marked with the id of a process that has ended, on this host.
func cmdMkstale(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: mkstale DIR")
	}
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		ts.Fatalf("mkstale: %v", err)
	}
	host, _ := os.Hostname()
	dir := ts.MkAbs(args[0])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		ts.Fatalf("mkstale: %v", err)
	}
	mark := fmt.Sprintf("%d %s\n", cmd.Process.Pid, host) // that process has ended
	if err := os.WriteFile(dir+"/.biasdiff-run", []byte(mark), 0o644); err != nil {
		ts.Fatalf("mkstale: %v", err)
	}
	if err := os.WriteFile(dir+"/index.md", []byte("half written"), 0o644); err != nil {
		ts.Fatalf("mkstale: %v", err)
	}
}
