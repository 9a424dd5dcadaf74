package lang

import (
	"bytes"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/json"

	"github.com/mrplan/mrplan/fsguard"
	"github.com/mrplan/mrplan/providers"
)

// A module's files are read, parsed and decoded on all cores, each file on
// its own, into a fileResult; mergeFiles then takes the results in file
// order and does what needs the whole module (declaring addresses, the one
// mrplan block), so diagnostics and the module are those of a serial run.

// workers is how many files a load reads at once, from LoadOptions.Workers.
func (o LoadOptions) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o LoadOptions) chunkBytes() int {
	if o.ChunkBytes > 0 {
		return o.ChunkBytes
	}
	return 4 << 10
}

// fileResult is one file read, parsed and decoded on its own.
type fileResult struct {
	name    string
	src     []byte
	readErr error
	diags   hcl.Diagnostics // the parser's
	broken  bool            // the file did not parse, so was not decoded
	dec     *loader         // decodes into its own diags and exprRanges
	blocks  []fileBlock
	outline *Outline // native syntax only
	prefix  string   // the module's address prefix, "" for the root
}

// fileBlock is one top-level block decoded by a file's loader. diagEnd is
// the length of that loader's diags once the block was decoded, so merging
// can put each declaration's diagnostics after the block's own. Only an
// mrplan block keeps its syntax (it is decoded when merging): the others'
// syntax trees are garbage once their file is decoded, so a load never
// holds every file's tree at once.
type fileBlock struct {
	settings *hcl.Block // an mrplan block, else nil
	// deferred is a block kept for the evaluator (eval.go): it has count
	// or for_each, or reads var, local, each, count or module.
	deferred *hcl.Block
	value    any // *Provider, *Region, ...; nil for mrplan and invalid names
	diagEnd  int
}

// loadFiles loads every file, n at a time, and returns the results in the
// order of files, telling pr (when not nil) of each file done.
func loadFiles(dir string, reg *providers.Registry, files []string, o LoadOptions, pr Progress, prefix string, ov overlay) []*fileResult {
	out := make([]*fileResult, len(files))
	n := max(1, min(o.workers(), len(files)))
	// Largest files first, so no worker is left with a big one at the end
	// while the others idle.
	order := make([]int, len(files))
	size := make([]int64, len(files))
	for i, name := range files {
		order[i] = i
		if info, err := os.Stat(name); err == nil {
			size[i] = info.Size()
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	// Every file must resolve inside the module's tree; "" when the
	// directory itself cannot be resolved (reading will say why).
	realRoot, _ := fsguard.ResolveExisting(dir)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= len(files) {
					return
				}
				i := order[k]
				out[i] = loadFile(dir, realRoot, reg, files[i], prefix, ov, o)
				if pr != nil {
					pr.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// loadFile reads, parses and decodes one file. It touches nothing shared:
// the mrplan block, which fills the module's one Settings, is decoded when
// merging.
func loadFile(dir, realRoot string, reg *providers.Registry, name, prefix string, ov overlay, o LoadOptions) *fileResult {
	r := &fileResult{name: name, prefix: prefix}
	r.src, r.readErr = readModuleFile(realRoot, name, ov)
	if r.readErr != nil {
		return r
	}
	if !strings.HasSuffix(name, SuffixJSON) && !o.Whole {
		if r.loadChunks(dir, reg, o.chunkBytes()) {
			return r
		}
		r.dec, r.blocks, r.outline = nil, nil, nil
	}
	var f *hcl.File
	if strings.HasSuffix(name, SuffixJSON) {
		f, r.diags = json.Parse(r.src, name)
	} else {
		f, r.diags = hclsyntax.ParseConfig(r.src, name, hcl.Pos{Line: 1, Column: 1})
		if body, ok := f.Body.(*hclsyntax.Body); ok {
			o := outlineOf(body, r.diags.HasErrors())
			r.outline = &o
		}
	}
	switch {
	case r.diags.HasErrors():
		// A file that does not parse is not decoded: what the parser
		// recovered would only produce errors that echo the syntax error.
		r.broken = true
	case f != nil && f.Body != nil:
		r.dec = newLoader(dir, reg)
		r.dec.prefix = prefix
		r.dec.deferAll = strings.HasSuffix(name, SuffixJSON)
		r.blocks = r.dec.decodeFile(f.Body)
	}
	return r
}

// loadChunks parses and decodes a native-syntax file a few kilobytes at a
// time, cut where a line that starts with a letter follows a line that is
// just "}": where a formatted file's top-level blocks meet. Each chunk is
// parsed with its own start position, so ranges are those of a whole-file
// parse, and decoded at once, so only one chunk's syntax tree and tokens
// are alive at a time (HCL grows one token slice per parse: a whole file's
// costs several times its final size in copies, and is scanned by the GC).
//
// A chunk that parses on its own without any diagnostic ends outside every
// string, comment, heredoc and bracket, where a whole-file parse would be
// between two top-level items too, so the two parses agree. Anything less
// certain (a diagnostic from a chunk or its top level, a top-level
// argument) makes loadChunks return false, and the file is parsed whole.
func (r *fileResult) loadChunks(dir string, reg *providers.Registry, chunkBytes int) bool {
	src := r.src
	r.dec = newLoader(dir, reg)
	r.dec.prefix = r.prefix
	var outline Outline
	start, line := 0, 1 // the chunk's first byte and its line
	for start < len(src) {
		end, next := chunkEnd(src, start, line, chunkBytes)
		f, diags := hclsyntax.ParseConfig(src[start:end], r.name, hcl.Pos{Line: line, Column: 1, Byte: start})
		body, ok := f.Body.(*hclsyntax.Body)
		if len(diags) > 0 || !ok || len(body.Attributes) > 0 {
			return false
		}
		content, ok := plainContent(body, fileSchema)
		if !ok {
			return false
		}
		for _, b := range body.Blocks {
			outline.Blocks = append(outline.Blocks, TopBlock{Type: b.Type, Labels: b.Labels, Range: b.Range()})
		}
		r.blocks = r.dec.decodeBlocks(content.Blocks, r.blocks)
		start, line = end, next
	}
	r.outline = &outline
	return true
}

// chunkEnd returns where the chunk that starts at byte start (on line
// line) ends, at least chunkBytes on or at the end of src, and the line
// the next chunk starts on. A chunk ends before a line that starts with a
// letter when the last line before it that is not blank is "}".
func chunkEnd(src []byte, start, line, chunkBytes int) (int, int) {
	closed := false // the last line that is not blank is "}"
	for i := start; i < len(src); {
		eol := bytes.IndexByte(src[i:], '\n')
		if eol < 0 {
			break
		}
		text := bytes.TrimRight(src[i:i+eol], " \t\r")
		if len(text) > 0 {
			closed = len(text) == 1 && text[0] == '}'
		}
		i += eol + 1
		line++
		if closed && i-start >= chunkBytes && i < len(src) && isASCIILetter(src[i]) {
			return i, line
		}
	}
	return len(src), line
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// decodeFile decodes the blocks of one file, each on its own.
func (l *loader) decodeFile(body hcl.Body) []fileBlock {
	content, diags := body.Content(fileSchema)
	l.diags = append(l.diags, diags...)
	return l.decodeBlocks(content.Blocks, make([]fileBlock, 0, len(content.Blocks)))
}

// decodeBlocks decodes top-level blocks, each on its own, onto out.
func (l *loader) decodeBlocks(blocks hcl.Blocks, out []fileBlock) []fileBlock {
	for _, block := range blocks {
		var fb fileBlock
		switch {
		case block.Type == "mrplan":
			fb.settings = block
		case block.Type == "locals":
			fb.value = localsBlock(l.decodeLocalsBlock(block))
		case block.Type == "moved":
			if m := l.decodeMovedBlock(block); m != nil {
				fb.value = m
			}
		case !l.validName(block):
		case block.Type == "variable":
			fb.value = l.decodeVariableBlock(block)
		case block.Type == "output":
			fb.value = l.decodeOutputBlock(block)
		case block.Type == "module":
			fb.value = l.decodeModuleBlock(block)
		case l.deferAll || needsScope(block):
			fb.deferred = block
		default:
			if l.prefix != "" && block.Type != "provider" && block.Type != "region" {
				b := *block
				b.Labels = []string{l.prefix + block.Labels[0]}
				block = &b
			}
			fb.value = l.decodeKindBlock(block)
		}
		fb.diagEnd = len(l.diags)
		out = append(out, fb)
	}
	return out
}

// localsBlock is the entries of one locals block.
type localsBlock []*Local

// decodeKindBlock decodes a block of one of the kinds an address names.
func (l *loader) decodeKindBlock(block *hcl.Block) any {
	switch block.Type {
	case "provider":
		return l.decodeProviderBlock(block)
	case "region":
		return l.decodeRegionBlock(block)
	case "objective":
		return l.decodeObjectiveBlock(block)
	case "service":
		return l.decodeServiceBlock(block)
	case "data":
		return l.decodeDataBlock(block)
	case "dependency":
		return l.decodeDependencyBlock(block)
	case "audience":
		return l.decodeAudienceBlock(block)
	}
	return nil
}

// mergeFiles takes the files' results in order into the module, as if each
// file had been decoded by l in turn.
func (l *loader) mergeFiles(results []*fileResult) {
	for _, r := range results {
		if r.readErr != nil {
			l.diags = append(l.diags, readErrorDiag(r.name, r.readErr))
			continue
		}
		l.mod.Files[r.name] = r.src
		if r.outline != nil {
			l.mod.Outline[r.name] = *r.outline
		}
		l.diags = append(l.diags, r.diags...)
		if r.broken {
			l.broken = true
		}
		if r.dec != nil {
			l.mergeFile(r)
		}
	}
}

func (l *loader) mergeFile(r *fileResult) {
	from := 0
	for _, fb := range r.blocks {
		l.diags = append(l.diags, r.dec.diags[from:fb.diagEnd]...)
		from = fb.diagEnd
		if fb.settings != nil {
			if l.cur != nil && l.cur.parent != nil {
				l.onlyInRoot(fb.settings)
				continue
			}
			l.decodeSettingsBlock(fb.settings)
			continue
		}
		if fb.deferred != nil {
			if l.cur != nil && l.cur.parent != nil && (fb.deferred.Type == "region" || fb.deferred.Type == "provider") {
				l.onlyInRoot(fb.deferred)
				continue
			}
			l.cur.deferred = append(l.cur.deferred, fb.deferred)
			continue
		}
		if l.cur != nil && l.cur.addComposition(l, fb.value) {
			continue
		}
		if l.cur != nil && l.cur.parent != nil {
			switch v := fb.value.(type) {
			case *Provider:
				l.onlyInRoot(&hcl.Block{Type: "provider", DefRange: v.DeclRange})
				continue
			case *Region:
				l.onlyInRoot(&hcl.Block{Type: "region", DefRange: v.DeclRange})
				continue
			}
		}
		if l.declareValue(fb.value) && l.cur != nil {
			if a, ok := addrOf(fb.value); ok && a.Kind != KindProvider {
				l.cur.plain[a.Kind] = append(l.cur.plain[a.Kind], strings.TrimPrefix(a.Name, l.cur.prefix))
			}
		}
	}
	l.diags = append(l.diags, r.dec.diags[from:]...)
	// The first block of an address keeps its ranges (recordExpr): files
	// come in order, so the first file to record a key wins.
	for k, v := range r.dec.exprRanges {
		if _, seen := l.exprRanges[k]; !seen {
			l.exprRanges[k] = v
		}
	}
}

// declareValue declares a decoded block and adds it to the module's list
// of its kind; false when it was not declared (a duplicate, or nil).
func (l *loader) declareValue(value any) bool {
	switch v := value.(type) {
	case *Provider:
		return declareInto(l, v, v.DeclRange, &l.mod.Providers)
	case *Region:
		return declareInto(l, v, v.DeclRange, &l.mod.Regions)
	case *Objective:
		return declareInto(l, v, v.DeclRange, &l.mod.Objectives)
	case *Service:
		return declareInto(l, v, v.DeclRange, &l.mod.Services)
	case *Data:
		return declareInto(l, v, v.DeclRange, &l.mod.Data)
	case *Dependency:
		return declareInto(l, v, v.DeclRange, &l.mod.Dependencies)
	case *Audience:
		return declareInto(l, v, v.DeclRange, &l.mod.Audiences)
	}
	return false
}

func addrOf(value any) (Address, bool) {
	if v, ok := value.(interface{ Addr() Address }); ok {
		return v.Addr(), true
	}
	return Address{}, false
}

// declareInto declares block v at its address and, when the address was
// free, adds v to the module's list of its kind.
func declareInto[T interface{ Addr() Address }](l *loader, v T, rng hcl.Range, list *[]T) bool {
	if l.declare(v.Addr(), v, rng) {
		*list = append(*list, v)
		return true
	}
	return false
}
