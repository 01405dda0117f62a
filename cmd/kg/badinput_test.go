package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/kg-builder/kg/graph"
	"github.com/kg-builder/kg/ingest"
	"github.com/kg-builder/kg/source"
)

// Bad input of every kind gets a defined outcome: ingested, cleaned, or a
// clear error for that file alone, never a panic. Each case ingests a
// folder (or the paths it testNames) into a new store and checks the exit
// status, the messages and the documents stored.

const germanText = `Die Bundesregierung hat am Montag in Berlin einen neuen Plan für den Ausbau der Bahnstrecken im Osten des Landes vorgestellt. Der Verkehrsminister sagte, dass die Arbeiten noch in diesem Jahr beginnen sollen und bis zum Ende des Jahrzehnts abgeschlossen werden.`

const russianText = `Правительство России в понедельник представило в Москве новый план модернизации железных дорог на юге страны. Министр транспорта заявил, что работы начнутся в этом году и будут завершены до конца десятилетия.`

const chineseText = `中国政府星期一在北京公布了一项新的计划，用于改造该国南部的铁路线路。交通部长表示，工程将于今年开始，并在本十年结束前完成。批评人士指责政府低估了该项目的成本。`

const htmlPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour Talks Resume in Tallinn</title>
<style>body { font-family: serif } .x::after { content: "Ozols met Kuusik." }</style>
<script>document.write("Andris Ozols signed the secret treaty.");</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Harbour Talks Resume in Tallinn</h1>
<p>TALLINN, May 2 &ndash; Estonian Prime Minister <b>Liis Kuusik</b> met Latvian Foreign Minister
<a href="/ozols">Andris Ozols</a> in Tallinn on Tuesday.</p>
<p>Kuusik said the two governments had agreed to build a new ferry terminal.
Ozols did not attend the dinner.</p>
<img src="photo.jpg" alt="Kuusik greeted Vladimir Putin.">
</article>
<script>var tracker = "Nordbank acquired Danube Logistics.";</script>
</body>
</html>
`

const mdNotes = "---\ntitle: Weekly notes\ndate: 2026-04-28\n---\n" + `# Weekly notes

- **Maria Lind** joined [Nordbank](https://nordbank.example/about) as *chief economist*.
- Nordbank opened an office in ` + "`Oslo`" + `.

![Lind at the launch](lind.jpg)

` + "```" + `sh
kg ingest --data /srv/kg notes.md   # Rex Tillerson met Vladimir Putin.
` + "```" + `

> Maria Lind, the chief economist of Nordbank, talked to investors
> about the new fund on Monday. <span class="note">Source: Nordbank.</span>
`

func TestBadInput(t *testing.T) {
	type files = map[string]string
	cases := []struct {
		name  string
		files files
		setup func(t *testing.T, in string) // more than files: links, modes
		args  []string                      // paths under the input folder; default: the folder
		stdin string
		code  int
		// stderr holds each of these, as a regular expression
		stderr []string
		// the ids of the documents stored
		docs  []string
		check func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo)
	}{
		{
			name:   "empty and white space only",
			files:  files{"empty.txt": "", "blank.txt": " \n\t\r\n  \r\n", "blank.md": "```\ncode only\n```\n", "ok.txt": article},
			code:   1,
			stderr: []string{`blank\.md: empty: no text to ingest`, `blank\.txt: empty: no text to ingest`, `empty\.txt: empty: no text to ingest`, `ingested 1 documents \(0 duplicates skipped, 3 failed\)`},
			docs:   []string{"in/ok.txt"},
		},
		{
			name:   "binary",
			files:  files{"image.txt": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "late.txt": strings.Repeat(article, 3) + "\x00", "ok.txt": article},
			code:   1,
			stderr: []string{`image\.txt: not text: binary file \(a NUL byte at byte 8\)`, fmt.Sprintf(`late\.txt: not text: binary file \(a NUL byte at byte %d\)`, 3*len(article))},
			docs:   []string{"in/ok.txt"},
		},
		{
			name:   "invalid UTF-8",
			files:  files{"latin1.txt": "Caf\xe9 au lait in Tallinn.", "cut.txt": article + "\xe2\x82", "ok.txt": article},
			code:   1,
			stderr: []string{`latin1\.txt: not text: invalid UTF-8 at byte 3 \(convert it to UTF-8 first\)`, fmt.Sprintf(`cut\.txt: not text: invalid UTF-8 at byte %d `, len(article))},
			docs:   []string{"in/ok.txt"},
		},
		{
			// the same text in other encodings and line ends is the same
			// document: stored once, the others duplicates
			name: "UTF-16, UTF-8 BOM and CRLF",
			files: files{
				"a-plain.txt":       article,
				"crlf.txt":          strings.ReplaceAll(article, "\n", "\r\n"),
				"cr.txt":            strings.ReplaceAll(article, "\n", "\r"),
				"bom8.txt":          "\uFEFF" + article,
				"le.txt":            utf16File(binary.LittleEndian, article),
				"be.txt":            utf16File(binary.BigEndian, strings.ReplaceAll(article, "\n", "\r\n")),
				"notes.md":          mdNotes,
				"notes-crlf-bom.md": "\uFEFF" + strings.ReplaceAll(mdNotes, "\n", "\r\n"),
			},
			stderr: []string{`ingested 2 documents \(6 duplicates skipped, 0 failed\)`},
			docs:   []string{"in/a-plain.txt", "in/notes-crlf-bom.md"},
			check: func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo) {
				want := extractRows(t, filepath.Join(dir, "in", "a-plain.txt"))
				if len(want) < 3 {
					t.Fatalf("kg extract a-plain.txt = %d triples, want 3 or more", len(want))
				}
				for _, f := range []string{"crlf.txt", "cr.txt", "bom8.txt", "le.txt", "be.txt"} {
					if diff := cmp.Diff(want, extractRows(t, filepath.Join(dir, "in", f))); diff != "" {
						t.Errorf("kg extract %s differs from the plain UTF-8 file (-want +got):\n%s", f, diff)
					}
				}
				if diff := cmp.Diff(extractRows(t, filepath.Join(dir, "in", "notes.md")), extractRows(t, filepath.Join(dir, "in", "notes-crlf-bom.md"))); diff != "" {
					t.Errorf("kg extract of Markdown with CRLF and a BOM differs (-want +got):\n%s", diff)
				}
			},
		},
		{
			name:   "other encodings",
			files:  files{"utf32.txt": "\xff\xfe\x00\x00T\x00\x00\x00", "odd16.txt": "\xff\xfeT\x00e", "nul16.txt": utf16File(binary.LittleEndian, "Text\x00with a NUL")},
			code:   1,
			stderr: []string{`utf32\.txt: not text: UTF-32`, `odd16\.txt: not text: odd-length UTF-16`, `nul16\.txt: not text: binary file`},
		},
		{
			name:  "non-English text",
			files: files{"de.txt": germanText, "ru.txt": russianText, "zh.md": "# 新闻\n\n" + chineseText, "short-de.txt": "Guten Tag, Herr Kuusik.", "mixed.txt": article + "\n" + germanText[:60] + "\n"},
			code:  1,
			stderr: []string{
				`de\.txt: not English text \(kg extracts English only\): looks like German`,
				`ru\.txt: not English text \(kg extracts English only\): mostly Cyrillic letters`,
				`zh\.md: not English text \(kg extracts English only\): mostly Chinese letters`,
				`ingested 2 documents \(0 duplicates skipped, 3 failed\)`,
			},
			// too short to judge; English with a German quote
			docs: []string{"in/mixed.txt", "in/short-de.txt"},
		},
		{
			name:  "HTML",
			files: files{"page.html": htmlPage, "old.HTM": "<p>Maria Lind joined Nordbank as chief economist.</p>", "empty.html": "<html><head><title>Nothing</title></head><body><script>x()</script></body></html>"},
			code:  1,
			stderr: []string{
				`empty\.html: empty: no text to ingest`,
				`ingested 2 documents`,
			},
			docs: []string{"in/old.HTM", "in/page.html"},
			check: func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo) {
				if got := docs["in/page.html"].Title; got != "Harbour Talks Resume in Tallinn" {
					t.Errorf("page.html title = %q, want the <title>", got)
				}
				rows := extractRows(t, filepath.Join(dir, "in", "page.html"))
				checkTriples(t, "page.html", rows, []string{"Liis Kuusik|meet|Andris Ozols"}, []string{"Nordbank", "Vladimir Putin", "secret treaty", "Ozols|meet|Kuusik"})
				h := source.NewHTML(strings.NewReader(htmlPage))
				body, err := io.ReadAll(h)
				if err != nil {
					t.Fatal(err)
				}
				checkOffsets(t, "page.html", ingest.Text(ingest.Input{Title: h.Title(), Text: string(body)}), rows)
				checkStored(t, data, "Liis Kuusik", "meet", "Andris Ozols")
			},
		},
		{
			name:   "Markdown",
			files:  files{"notes.md": mdNotes, "story.markdown": "*Nordbank* acquired [Danube Logistics][d] in **March**.\n\n[d]: https://danube.example\n"},
			stderr: []string{`ingested 2 documents \(0 duplicates skipped, 0 failed\)`},
			docs:   []string{"in/notes.md", "in/story.markdown"},
			check: func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo) {
				if d := docs["in/notes.md"]; d.Title != "Weekly notes" || d.Date != "2026-04-28" {
					t.Errorf("notes.md = title %q, date %q; want them from the front matter", d.Title, d.Date)
				}
				rows := extractRows(t, filepath.Join(dir, "in", "notes.md"))
				checkTriples(t, "notes.md", rows, []string{"Maria Lind|join|Nordbank"}, []string{"Rex Tillerson", "https", "lind.jpg", "span"})
				for _, r := range rows {
					if strings.ContainsAny(r.Sentence, "*`[]()<>") {
						t.Errorf("notes.md: sentence with markup left: %q", r.Sentence)
					}
				}
				fm := source.FrontMatter(source.Document{Text: mdNotes})
				clean, _ := io.ReadAll(source.Markdown(strings.NewReader(fm.Text)))
				checkOffsets(t, "notes.md", ingest.Text(ingest.Input{Title: fm.Title, Text: string(clean)}), rows)
				checkTriples(t, "story.markdown", extractRows(t, filepath.Join(dir, "in", "story.markdown")), []string{"Nordbank|acquire|Danube Logistics"}, []string{"https"})
			},
		},
		{
			name:  "symbolic links",
			files: files{"in/news/a.txt": article, "elsewhere/b.txt": "Maria Lind joined Nordbank as chief economist.", "elsewhere/sub/c.md": "Nordbank acquired Danube Logistics in March."},
			setup: func(t *testing.T, dir string) {
				in := filepath.Join(dir, "in")
				symlink(t, "../elsewhere/b.txt", filepath.Join(dir, "in", "b-link.txt")) // to a file
				symlink(t, "../elsewhere", filepath.Join(dir, "in", "else"))             // to a folder
				symlink(t, "..", filepath.Join(in, "news", "up"))                        // a loop: back to in
				symlink(t, ".", filepath.Join(dir, "elsewhere", "sub", "self"))          // a loop in the linked folder
				symlink(t, "missing.txt", filepath.Join(dir, "in", "dangling.txt"))      // to nothing
				symlink(t, "missing-dir", filepath.Join(dir, "in", "dangling-dir"))      // to nothing, no extension
				symlink(t, "chain2.txt", filepath.Join(dir, "in", "chain1.txt"))         // links to each other
				symlink(t, "chain1.txt", filepath.Join(dir, "in", "chain2.txt"))         //
				symlink(t, "news/a.txt", filepath.Join(dir, "in", "same.txt"))           // a file listed already
				symlink(t, filepath.Join(dir, "elsewhere"), filepath.Join(dir, "root"))  // the root itself
			},
			args: []string{"in", "root"},
			code: 1,
			stderr: []string{
				`in/news/up: symbolic link loop: leads back to .*/in, not followed\n`,
				`in/else/sub/self: symbolic link loop: leads back to .*/in/else/sub, not followed\n`,
				`in/dangling\.txt: dangling symbolic link: missing\.txt does not exist\n`,
				`in/chain1\.txt: symbolic link loop: the links lead to each other\n`,
				`in/chain2\.txt: symbolic link loop: the links lead to each other\n`,
				`root/sub/self: symbolic link loop: leads back to .*/root/sub, not followed\n`,
				// b.txt and c.md again by the root link: duplicates
				`ingested 3 documents \(2 duplicates skipped, 6 failed\)`,
			},
			// in/else/b.txt is b-link.txt, listed once
			docs: []string{"in/b-link.txt", "in/else/sub/c.md", "in/news/a.txt"},
			check: func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo) {
				_, _, stderr := kg(t, "", "ingest", "--data", t.TempDir(), filepath.Join(dir, "in"))
				if n := strings.Count(stderr, "loop"); n != 4 {
					t.Errorf("ingest reported %d loops, want 4, each once:\n%s", n, stderr)
				}
				if strings.Contains(stderr, "dangling-dir") {
					t.Errorf("a dangling link without a text extension was reported:\n%s", stderr)
				}
			},
		},
		{
			name: "deeply nested folders",
			setup: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "in")
				for i := 1; i <= 200; i++ {
					p = filepath.Join(p, "d")
					if i%50 == 0 {
						writeFile(t, filepath.Join(p, fmt.Sprintf("level%d.txt", i)), fmt.Sprintf("Maria Lind met Andris Ozols in Riga on day %d.", i))
					}
				}
			},
			stderr: []string{`ingested 4 documents \(0 duplicates skipped, 0 failed\)`},
			docs: []string{
				"in/" + strings.Repeat("d/", 50) + "level50.txt", "in/" + strings.Repeat("d/", 100) + "level100.txt",
				"in/" + strings.Repeat("d/", 150) + "level150.txt", "in/" + strings.Repeat("d/", 200) + "level200.txt",
			},
		},
		{
			// longer than source.PartSize: parts cut at paragraph breaks, else
			// sentence ends, else white space, each a document
			name: "long texts in parts",
			files: files{
				"long.txt":     longText(3*source.PartSize, "\n\n"),
				"oneline.txt":  longText(2*source.PartSize, " "),
				"nospace.txt":  oneWord(2*source.PartSize + 1),               // cut between runes
				"bad-tail.txt": longText(2*source.PartSize, "\n\n") + "\xff", // rejected whole
				"short.txt":    longText(source.PartSize-100, "\n\n"),
			},
			code:   1,
			stderr: []string{`bad-tail\.txt: not text: invalid UTF-8 at byte \d+`},
			check: func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo) {
				want := []string{"in/short.txt"}
				for _, f := range []string{"long.txt", "oneline.txt", "nospace.txt"} {
					text := readFile(t, filepath.Join(dir, "in", f))
					var joined strings.Builder
					parts := source.Cut(text)
					for i, part := range parts {
						k := i + 1
						joined.WriteString(part)
						want = append(want, fmt.Sprintf("in/%s#%d", f, k))
						if len(part) > source.PartSize {
							t.Errorf("%s#%d: %d bytes, over %d", f, k, len(part), source.PartSize)
						}
						end := strings.TrimRight(part, " \n")
						if k < len(parts) && f != "nospace.txt" && (!strings.HasSuffix(end, ".") || f == "long.txt" && !strings.HasSuffix(part, "\n\n")) {
							t.Errorf("%s#%d ends %q, want a paragraph break or a sentence end", f, k, part[len(part)-20:])
						}
						if d, ok := docs[fmt.Sprintf("in/%s#%d", f, k)]; !ok || d.Sentences == 0 && f != "nospace.txt" {
							t.Errorf("%s#%d not stored or without sentences: %+v", f, k, d)
						}
					}
					if joined.String() != text {
						t.Errorf("%s: the parts do not make up the text", f)
					}
				}
				sort.Strings(want)
				if diff := cmp.Diff(want, sortedKeys(docs)); diff != "" {
					t.Errorf("documents stored (-want +got):\n%s", diff)
				}
				if len(want) < 8 {
					t.Errorf("only %d parts: %v", len(want), want)
				}
				if d := docs["in/long.txt#2"]; d.Title == "" || d.Title == docs["in/long.txt#1"].Title {
					t.Errorf("long.txt#2 title %q, want its own first line", d.Title)
				}
			},
		},
		{
			name: "JSON Lines",
			files: files{
				"feed.jsonl": "\uFEFF" + strings.Join([]string{
					`{"id": "f1", "text": "Nordbank acquired Danube Logistics in March."}`,
					``,
					`   `,
					`{"id": "f2", "text": "Caf` + "\xe9" + ` au lait."}`,
					`{"id": "f3", "text": ` + `"Maria Lind joined Nordbank."` + "}\r",
					`not json`,
					`[1, 2]`,
					`{"id": "f4"}`,
					`{"id": "f5", "text": "  "}`,
					`{"id": "f6", "text": ` + jsonString(germanText) + `}`,
					`{"id": "f7", "title": "Long", "text": ` + jsonString(longText(2*source.PartSize, "\n\n")) + `}`,
					`{"id": "f8", "text": "Liis Kuusik met Andris Ozols."}`,
				}, "\n"),
				"crlf.ndjson":  "{\"id\": \"c1\", \"text\": \"Ozols met Kuusik in Riga.\"}\r\n\r\n{\"id\": \"c2\", \"text\": \"Kuusik met Ozols in Tallinn.\"}\r\n",
				"utf16.jsonl":  utf16File(binary.LittleEndian, "{\"id\": \"u1\", \"text\": \"Kuusik visited Vilnius.\"}\r\n{\"id\": \"u2\", \"text\": \"Ozols visited Kaunas.\"}\r\n"),
				"binary.jsonl": "{\"id\": \"b\"\x00\x01\x02}\n",
			},
			code: 1,
			stderr: []string{
				`feed\.jsonl:4: not valid UTF-8\n`,
				`feed\.jsonl:6: not a JSON object: invalid character 'o' in literal null`,
				`feed\.jsonl:7: not a JSON object: json: cannot unmarshal array`,
				`feed\.jsonl:8: no "text" field\n`,
				`feed\.jsonl:9: empty "text" field\n`,
				`feed\.jsonl:10: not English text \(kg extracts English only\): looks like German\n`,
				`binary\.jsonl: not text: binary file\n`,
				`ingested 10 documents \(0 duplicates skipped, 7 failed\)`,
			},
			docs: []string{"c1", "c2", "f1", "f3", "f7#1", "f7#2", "f7#3", "f8", "u1", "u2"},
			check: func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo) {
				if docs["f7#1"].Title != "Long" || docs["f7#2"].Title == "Long" {
					t.Errorf("f7 parts titled %q, %q: want the title on the first part only", docs["f7#1"].Title, docs["f7#2"].Title)
				}
			},
		},
		{
			name:   "JSON Lines line over the limit",
			setup:  func(t *testing.T, dir string) { writeHugeLine(t, filepath.Join(dir, "in", "huge.jsonl")) },
			code:   1,
			stderr: []string{`huge\.jsonl:2: line longer than 64 MiB: put so long a text in a file of its own\n`, `ingested 2 documents \(0 duplicates skipped, 1 failed\)`},
			docs:   []string{"h1", "h3"},
		},
		{
			name:   "standard input: HTML",
			args:   []string{"-"},
			stdin:  htmlPage,
			stderr: []string{`ingested 1 documents`},
			check: func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo) {
				if len(docs) != 1 {
					t.Fatalf("stored %v, want one document", sortedKeys(docs))
				}
				for id, d := range docs {
					if !regexp.MustCompile(`^stdin-[0-9a-f]{12}$`).MatchString(id) || d.Title != "Harbour Talks Resume in Tallinn" {
						t.Errorf("stdin HTML stored as %q titled %q", id, d.Title)
					}
				}
				checkStored(t, data, "Liis Kuusik", "meet", "Andris Ozols")
			},
		},
		{
			// longer than what is kept in memory: copied to a temporary file
			name:   "standard input: long text",
			args:   []string{"-"},
			stdin:  strings.Repeat(article+"\n", (1<<20)/len(article)+100),
			stderr: []string{`ingested \d+ documents \(\d+ duplicates skipped, 0 failed\)`},
			check: func(t *testing.T, dir, data string, docs map[string]graph.DocumentInfo) {
				n := 0
				for id := range docs {
					if regexp.MustCompile(`^stdin-[0-9a-f]{12}#\d+$`).MatchString(id) {
						n++
					}
				}
				if n == 0 || n != len(docs) {
					t.Errorf("stored %v, want stdin-HASH#N parts", sortedKeys(docs))
				}
			},
		},
		{
			name:   "standard input: German",
			args:   []string{"-"},
			stdin:  germanText,
			code:   1,
			stderr: []string{`standard input: not English text`},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			if err := os.MkdirAll(in, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, body := range c.files {
				if !strings.HasPrefix(name, "in/") && !strings.HasPrefix(name, "elsewhere/") {
					name = filepath.Join("in", name)
				}
				writeFile(t, filepath.Join(dir, name), body)
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			data := filepath.Join(t.TempDir(), "store")
			args := []string{"ingest", "--data", data}
			if c.args == nil {
				args = append(args, in)
			}
			for _, a := range c.args {
				if a != "-" {
					a = filepath.Join(dir, a)
				}
				args = append(args, a)
			}
			code, _, stderr := kg(t, c.stdin, args...)
			if code != c.code {
				t.Errorf("kg %s = exit %d, want %d; stderr:\n%s", strings.Join(args, " "), code, c.code, stderr)
			}
			for _, re := range c.stderr {
				if !regexp.MustCompile(re).MatchString(stderr) {
					t.Errorf("stderr does not match %q:\n%s", re, stderr)
				}
			}
			noPanic(t, stderr)
			docs := storedDocs(t, data)
			if c.docs != nil {
				want := append([]string(nil), c.docs...)
				sort.Strings(want)
				if diff := cmp.Diff(want, sortedKeys(docs)); diff != "" {
					t.Errorf("documents stored (-want +got):\n%s", diff)
				}
			}
			if c.check != nil {
				c.check(t, dir, data, docs)
			}
		})
	}
}

// A file that cannot be read is reported; the others are ingested. As
// root, chmod does not stop reads, so kg runs as nobody.
func TestBadInputUnreadable(t *testing.T) {
	bin := kgBinary(t)
	dir := worldDir(t)
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(dir, "in", "ok.txt"), article)
	writeFile(t, filepath.Join(dir, "in", "secret.txt"), "Maria Lind joined Nordbank as chief economist.")
	writeFile(t, filepath.Join(dir, "in", "secret.jsonl"), `{"text": "Maria Lind joined Nordbank."}`+"\n")
	writeFile(t, filepath.Join(in, "locked", "a.txt"), "Andris Ozols joined Nordbank.")
	for _, p := range []string{"secret.txt", "secret.jsonl", "locked"} {
		if err := os.Chmod(filepath.Join(in, p), 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "in", "locked"), 0o755) })
	data := filepath.Join(dir, "store")
	res := runKG(t, bin, true, "", "ingest", "--data", data, in, filepath.Join(dir, "in", "secret.txt"))
	if res.code != 1 {
		t.Errorf("kg ingest with unreadable files = exit %d, want 1; stderr:\n%s", res.code, res.stderr)
	}
	for _, want := range []string{
		in + "/locked: permission denied\n",
		in + "/secret.jsonl: permission denied\n",
		in + "/secret.txt: permission denied\n",
		"ingested 1 documents (0 duplicates skipped, 4 failed)",
	} {
		if !strings.Contains(res.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, res.stderr)
		}
	}
	noPanic(t, res.stderr)
	if diff := cmp.Diff([]string{"in/ok.txt"}, sortedKeys(storedDocs(t, data))); diff != "" {
		t.Errorf("documents stored (-want +got):\n%s", diff)
	}
}

// 10,000 small files in one folder: all ingested, in bounded memory.
func TestBadInputManyFiles(t *testing.T) {
	needLong(t)
	bin := kgBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "many")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	const n = 10000
	for i := range n {
		body := fmt.Sprintf("%s met %s in %s on day %d.\n", testPerson(i), testPerson(i+7), testCity(i), i)
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("%05d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data := filepath.Join(dir, "store")
	res := runKG(t, bin, false, "", "ingest", "--data", data, in)
	t.Logf("10,000 files: %s, peak RSS %d MiB", res.summary, res.maxRSS>>20)
	if res.code != 0 || !strings.Contains(res.stderr, fmt.Sprintf("ingested %d documents (0 duplicates skipped, 0 failed)", n)) {
		t.Errorf("kg ingest of %d files = exit %d; stderr:\n%s", n, res.code, lastBytes(res.stderr))
	}
	noPanic(t, res.stderr)
	if res.maxRSS > 512<<20 {
		t.Errorf("kg ingest of %d files peaked at %d MiB, want under 512 MiB", n, res.maxRSS>>20)
	}
	if got := len(storedDocs(t, data)); got != n {
		t.Errorf("stored %d documents, want %d", got, n)
	}
}

// A 200 MB text on a single line is read as a stream of parts, in bounded
// memory.
func TestBadInputHugeLine(t *testing.T) {
	needLong(t)
	bin := kgBinary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "line.txt")
	const size = 200 << 20
	sentence := "The Estonian government signed a new agreement with Latvia on the Baltic railway in Tallinn on Monday. "
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	total := 0
	for total < size {
		w.WriteString(sentence)
		total += len(sentence)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	data := filepath.Join(dir, "store")
	res := runKG(t, bin, false, "", "ingest", "--data", data, path)
	t.Logf("200 MB line: %s, peak RSS %d MiB", res.summary, res.maxRSS>>20)
	if res.code != 0 || !regexp.MustCompile(`ingested \d+ documents \(\d+ duplicates skipped, 0 failed\)`).MatchString(res.stderr) {
		t.Errorf("kg ingest of a 200 MB line = exit %d; stderr:\n%s", res.code, lastBytes(res.stderr))
	}
	noPanic(t, res.stderr)
	if res.maxRSS > 512<<20 {
		t.Errorf("kg ingest of a 200 MB line peaked at %d MiB, want under 512 MiB", res.maxRSS>>20)
	}
	// parts are cut at the last sentence end before source.PartSize: all but the
	// last are the same text, stored once
	partLen := source.PartSize - source.PartSize%len(sentence)
	parts := (total + partLen - 1) / partLen
	var docs, dups int
	if _, err := fmt.Sscanf(res.summary, "ingested %d documents (%d duplicates", &docs, &dups); err != nil || docs+dups != parts {
		t.Errorf("summary %q: want %d parts in all", res.summary, parts)
	}
	stored := storedDocs(t, data)
	if _, ok := stored["line.txt#1"]; !ok || len(stored) != docs || docs > 50 {
		t.Errorf("stored %d documents (line.txt#1: %v), want line.txt#1 and a few more of %d parts", len(stored), ok, parts)
	}

	// the same line with one bad byte at its end is rejected whole
	f, err = os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("\xff"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	data = filepath.Join(dir, "store2")
	res = runKG(t, bin, false, "", "ingest", "--data", data, path)
	if want := fmt.Sprintf("line.txt: not text: invalid UTF-8 at byte %d ", total); res.code != 1 || !strings.Contains(res.stderr, want) {
		t.Errorf("kg ingest of a 200 MB line ending in a bad byte = exit %d, want 1 and %q; stderr:\n%s", res.code, want, lastBytes(res.stderr))
	}
	if n := len(storedDocs(t, data)); n != 0 {
		t.Errorf("stored %d documents of a file that is not text", n)
	}
}

func needLong(t *testing.T) {
	t.Helper()
	if os.Getenv("KG_LONG") != "1" {
		t.Skip("long test: run it with KG_LONG=1 go test ./cmd/kg -run BadInput")
	}
}

// ---- helpers

func noPanic(t *testing.T, stderr string) {
	t.Helper()
	if strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine") {
		t.Errorf("kg panicked:\n%s", stderr)
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func utf16File(order binary.ByteOrder, s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2+2*len(u))
	order.PutUint16(b, 0xFEFF)
	for i, c := range u {
		order.PutUint16(b[2+2*i:], c)
	}
	return string(b)
}

// oneWord returns n bytes or so of letters of two and three bytes, in no
// order that repeats.
func oneWord(n int) string {
	var b strings.Builder
	x := uint32(1)
	for b.Len() < n {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b.WriteRune([]rune("äạb")[x%3])
	}
	return b.String()
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

var testNames = []string{"Liis Kuusik", "Andris Ozols", "Maria Lind", "Aino Kestilä", "Jüri Tamm", "Witold Zarembski", "Kristjan Saarepuu", "Anna Berg", "Mart Kask", "Ieva Liepa", "Tomas Vaitkus", "Erik Holm", "Laura Ozola"}
var testCities = []string{"Tallinn", "Riga", "Vilnius", "Helsinki", "Gdansk", "Oslo", "Tartu", "Kaunas", "Turku", "Stockholm", "Klaipeda"}

func testPerson(i int) string { return testNames[i%len(testNames)] }
func testCity(i int) string   { return testCities[i%len(testCities)] }

// longText returns at least n bytes of distinct English sentences, in
// paragraphs of three joined by sep.
func longText(n int, sep string) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s met %s in %s on day %d. ", testPerson(i), testPerson(i+3), testCity(i), i)
		if i%3 == 2 {
			b.WriteString(strings.TrimSuffix(sep, " "))
			if sep == " " {
				b.WriteString(" ")
			}
		}
	}
	return b.String()
}

func writeHugeLine(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	w.WriteString(`{"id": "h1", "text": "Liis Kuusik met Andris Ozols."}` + "\n")
	w.WriteString(`{"id": "h2", "text": "`)
	chunk := strings.Repeat("Kuusik met Ozols. ", 1000)
	for n := 0; n <= source.MaxLine; n += len(chunk) {
		w.WriteString(chunk)
	}
	w.WriteString("\"}\n")
	w.WriteString(`{"id": "h3", "text": "Maria Lind joined Nordbank."}` + "\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// storedDocs returns the documents in the store at data, by id.
func storedDocs(t *testing.T, data string) map[string]graph.DocumentInfo {
	t.Helper()
	out := map[string]graph.DocumentInfo{}
	if _, err := os.Stat(data); err != nil {
		return out
	}
	st, err := graph.Open(data, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open the store: %v", err)
	}
	defer st.Close()
	docs, _, err := st.Documents(context.Background(), graph.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		out[d.ID] = d
	}
	return out
}

// checkStored checks that the store at data holds a triple.
func checkStored(t *testing.T, data, subject, relation, object string) {
	t.Helper()
	code, stdout, stderr := kg(t, "", "export", "--data", data, "--format", "csv")
	if code != 0 {
		t.Fatalf("kg export = exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "\n"+subject+","+relation+","+object+",") {
		t.Errorf("store lacks %s –%s→ %s:\n%s", subject, relation, object, stdout)
	}
}

// extractRows runs kg extract on a file and returns its triples without
// the document id.
func extractRows(t *testing.T, path string) []extractRow {
	t.Helper()
	code, stdout, stderr := kg(t, "", "extract", path)
	if code != 0 {
		t.Fatalf("kg extract %s = exit %d: %s", path, code, stderr)
	}
	var rows []extractRow
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if line == "" {
			continue
		}
		var r extractRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("kg extract %s: %v in %q", path, err, line)
		}
		r.Document = ""
		rows = append(rows, r)
	}
	return rows
}

// checkTriples checks that rows hold every "subject|relation|object" of
// want, and that no subject or object holds a string of unwanted.
func checkTriples(t *testing.T, name string, rows []extractRow, want, unwanted []string) {
	t.Helper()
	have := map[string]bool{}
	for _, r := range rows {
		spo := r.Subject + "|" + r.Relation + "|" + r.Object
		have[spo] = true
		for _, u := range unwanted {
			if strings.Contains(spo, u) || strings.Contains(r.Sentence, u) {
				t.Errorf("%s: %s from %q: %q should have been cleaned away", name, spo, r.Sentence, u)
			}
		}
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("%s: no triple %s in %+v", name, w, rows)
		}
	}
}

// checkOffsets checks that the offsets of evidence are those of the
// cleaned text.
func checkOffsets(t *testing.T, name, text string, rows []extractRow) {
	t.Helper()
	for _, r := range rows {
		if r.Start < 0 || r.End > len(text) || r.Start > r.End || text[r.Start:r.End] != r.Sentence {
			t.Errorf("%s: offsets %d–%d do not give %q in the cleaned text", name, r.Start, r.End, r.Sentence)
		}
	}
}

// worldDir returns a temporary folder that user nobody can use.
func worldDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "kg-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	return dir
}

type kgResult struct {
	code    int
	stderr  string
	summary string // the last line
	maxRSS  int64  // bytes
}

// runKG runs the kg binary; asNobody runs it as user nobody when the test
// runs as root (whom file modes do not stop).
func runKG(t *testing.T, bin string, asNobody bool, stdin string, args ...string) kgResult {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Env = append(os.Environ(), "TMPDIR="+os.TempDir())
	if asNobody && os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		// the store folder is nobody's to create
		for _, a := range args {
			if strings.HasPrefix(a, "/") {
				makeWorldReachable(t, a)
			}
		}
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("run %s: %v", bin, err)
	}
	// the child's own peak, VmHWM, read while it runs: its rusage counts
	// the memory of the test process it was started from too
	done := make(chan struct{})
	hwm := make(chan int64, 1)
	go func() {
		var peak int64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			if kib := vmHWM(cmd.Process.Pid); kib > peak {
				peak = kib
			}
			select {
			case <-done:
				hwm <- peak << 10
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	res := kgResult{stderr: stderr.String(), maxRSS: <-hwm}
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("run %s: %v", bin, err)
		}
	}
	res.code = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && res.maxRSS == 0 {
		res.maxRSS = int64(ru.Maxrss) << 10 // KiB on Linux; an upper bound
	}
	lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "ingested ") {
			res.summary = lines[i]
			break
		}
	}
	return res
}

// vmHWM returns the peak resident memory of process pid so far, in KiB,
// or 0 once it has ended.
func vmHWM(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	var kib int64
	if m := regexp.MustCompile(`(?m)^VmHWM:\s+(\d+) kB`).FindSubmatch(b); m != nil {
		fmt.Sscan(string(m[1]), &kib)
	}
	return kib
}

// makeWorldReachable lets everyone through the folders above path.
func makeWorldReachable(t *testing.T, path string) {
	t.Helper()
	for p := filepath.Dir(path); p != "/" && p != "."; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if fi.Mode().Perm()&0o005 != 0o005 {
			t.Fatalf("%s is not open to user nobody (mode %v)", p, fi.Mode().Perm())
		}
	}
}

func lastBytes(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}
