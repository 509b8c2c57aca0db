package htmlread

import (
	"encoding/json"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// pageHead is what the metadata is read from, gathered in one walk.
type pageHead struct {
	lang      string
	title     string
	meta      map[string]string // first content of each meta name/property/itemprop, lower-cased key
	canonical string
	jsonLD    []string
}

func readHead(root *html.Node) *pageHead {
	h := &pageHead{meta: map[string]string{}}
	var walk func(n *html.Node, foreign bool)
	walk = func(n *html.Node, foreign bool) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "svg", "math", "template":
				foreign = true
			case "html":
				if h.lang == "" {
					h.lang = strings.TrimSpace(attr(n, "lang"))
				}
				if h.lang == "" {
					h.lang = strings.TrimSpace(attr(n, "xml:lang"))
				}
			case "title":
				if !foreign && h.title == "" {
					h.title = clean(textContent(n))
				}
			case "meta":
				content, ok := attrOK(n, "content")
				if !ok {
					break
				}
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					for key := range strings.FieldsSeq(strings.ToLower(attr(n, k))) {
						if _, seen := h.meta[key]; !seen && strings.TrimSpace(content) != "" {
							h.meta[key] = clean(content)
						}
					}
				}
			case "link":
				for rel := range strings.FieldsSeq(strings.ToLower(attr(n, "rel"))) {
					if rel == "canonical" && h.canonical == "" {
						h.canonical = strings.TrimSpace(attr(n, "href"))
					}
				}
			case "script":
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					h.jsonLD = append(h.jsonLD, textContent(n))
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, foreign)
		}
	}
	walk(root, false)
	return h
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func textContent(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// clean collapses white space; it is used on every metadata value.
func clean(s string) string { return collapse([]byte(s)) }

// ldArticle is what is read from JSON-LD.
type ldArticle struct {
	headline, published, publisher, author, language, url, siteName string
}

var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "askpublicnewsarticle": true, "satiricalarticle": true,
	"blogposting": true, "liveblogposting": true, "report": true, "techarticle": true,
	"socialmediaposting": true, "scholarlyarticle": true, "advertisercontentarticle": true,
}

// readJSONLD reads the first article-typed object of the JSON-LD blocks;
// references by "@id" to other objects of the page are followed.
func readJSONLD(blocks []string) ldArticle {
	var objs []map[string]any
	var collect func(v any)
	collect = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			objs = append(objs, x)
			for _, k := range []string{"@graph", "mainEntity", "itemListElement"} {
				if g, ok := x[k]; ok {
					collect(g)
				}
			}
		case []any:
			for _, e := range x {
				collect(e)
			}
		}
	}
	for _, b := range blocks {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(b)), &v) != nil {
			continue
		}
		collect(v)
	}
	byID := map[string]map[string]any{}
	for _, o := range objs {
		if id, ok := o["@id"].(string); ok {
			if _, seen := byID[id]; !seen || len(o) > len(byID[id]) {
				byID[id] = o
			}
		}
	}
	deref := func(v any) any {
		if o, ok := v.(map[string]any); ok {
			if id, ok := o["@id"].(string); ok && o["name"] == nil {
				if full, ok := byID[id]; ok {
					return full
				}
			}
		}
		return v
	}
	var a ldArticle
	for _, o := range objs {
		if hasType(o, "website") && a.siteName == "" {
			a.siteName = str(o["name"])
		}
	}
	for _, o := range objs {
		if !hasArticleType(o) {
			continue
		}
		a.headline = str(o["headline"])
		if a.headline == "" {
			a.headline = str(o["name"])
		}
		a.published = str(o["datePublished"])
		a.publisher = names(o["publisher"], deref)
		a.author = names(o["author"], deref)
		switch l := o["inLanguage"].(type) {
		case string:
			a.language = clean(l)
		case map[string]any:
			a.language = str(l["alternateName"])
			if a.language == "" {
				a.language = str(l["name"])
			}
		}
		a.url = str(o["url"])
		if a.url == "" {
			a.url = str(o["mainEntityOfPage"])
			if m, ok := o["mainEntityOfPage"].(map[string]any); ok {
				a.url = str(m["@id"])
			}
		}
		break
	}
	return a
}

func typeNames(o map[string]any) []string {
	var out []string
	add := func(v any) {
		if s, ok := v.(string); ok {
			if i := strings.LastIndexAny(s, "/:"); i >= 0 {
				s = s[i+1:]
			}
			out = append(out, strings.ToLower(strings.TrimSpace(s)))
		}
	}
	switch t := o["@type"].(type) {
	case string:
		add(t)
	case []any:
		for _, e := range t {
			add(e)
		}
	}
	return out
}

func hasType(o map[string]any, t string) bool {
	for _, n := range typeNames(o) {
		if n == t {
			return true
		}
	}
	return false
}

func hasArticleType(o map[string]any) bool {
	for _, n := range typeNames(o) {
		if articleTypes[n] {
			return true
		}
	}
	return false
}

// str returns a JSON-LD string value with entities decoded (some sites
// HTML-escape their JSON-LD) and white space collapsed.
func str(v any) string {
	s, ok := v.(string)
	if !ok {
		return ""
	}
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	return clean(s)
}

// names reads a person or organisation, a list of them, or a plain name.
func names(v any, deref func(any) any) string {
	var out []string
	var add func(v any)
	add = func(v any) {
		switch x := deref(v).(type) {
		case string:
			if s := str(x); s != "" && !strings.Contains(s, "://") {
				out = append(out, s)
			}
		case map[string]any:
			if s := str(x["name"]); s != "" {
				out = append(out, s)
			}
		case []any:
			for _, e := range x {
				add(e)
			}
		}
	}
	add(v)
	return strings.Join(dedup(out), ", ")
}

func dedup(s []string) []string {
	seen := map[string]bool{}
	out := s[:0]
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func first(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// readMeta fills Meta from the page head and JSON-LD; Extract completes it
// with what the extractor found.
func readMeta(h *pageHead, pageURL string) Meta {
	ld := readJSONLD(h.jsonLD)
	m := h.meta
	author := first(ld.author, m["author"], m["article:author"], m["parsely-author"], m["dc.creator"])
	if strings.Contains(author, "://") {
		author = ""
	}
	locale := strings.ReplaceAll(m["og:locale"], "_", "-")
	meta := Meta{
		Title:    first(m["og:title"], ld.headline, h.title, m["twitter:title"]),
		SiteName: first(m["og:site_name"], ld.publisher, ld.siteName, m["application-name"]),
		Published: first(m["article:published_time"], ld.published, m["datepublished"],
			m["pubdate"], m["publishdate"], m["dc.date.issued"], m["dcterms.created"],
			m["date"], m["parsely-pub-date"], m["sailthru.date"], m["og:published_time"]),
		URL:      resolve(first(h.canonical, m["og:url"], ld.url), first(absolute(pageURL), absolute(m["og:url"]), absolute(ld.url))),
		Language: first(h.lang, ld.language, m["content-language"], m["language"], m["dc.language"], locale),
		Author:   author,
	}
	return meta
}

// absolute returns u if it is an absolute http(s) URL, else "".
func absolute(u string) string {
	r, err := url.Parse(strings.TrimSpace(u))
	if err != nil || !r.IsAbs() || (r.Scheme != "http" && r.Scheme != "https") {
		return ""
	}
	return r.String()
}

// resolve makes ref absolute against base when it is relative and base is
// an absolute URL; ref falls back to base. Only http and https URLs, and
// relative references when there is no base, are kept.
func resolve(ref, base string) string {
	ref = strings.TrimSpace(ref)
	base = strings.TrimSpace(base)
	if ref == "" {
		ref, base = base, ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if b, err := url.Parse(base); err == nil && b.IsAbs() && !r.IsAbs() {
		r = b.ResolveReference(r)
	}
	switch strings.ToLower(r.Scheme) {
	case "http", "https", "":
		return r.String()
	}
	return ""
}
