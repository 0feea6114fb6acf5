package graphml_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgnews/kg/export/exporttest"
	"github.com/kgnews/kg/export/graphml"
	"github.com/kgnews/kg/export/pg"
)

func write(t *testing.T, g *pg.Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := graphml.Write(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	exporttest.Golden(t, "fixture.graphml", write(t, exporttest.Graph(t, pg.Options{})))
	exporttest.Golden(t, "fixture-edges-en.graphml", write(t, exporttest.Graph(t, pg.Options{Events: pg.EventEdges, Lang: pg.English})))
	exporttest.Golden(t, "fixture-yed.graphml", writeYEd(t, exporttest.Graph(t, pg.Options{})))
}

// TestNetworkX reads the export with networkx: same counts, every node's
// label as projected (Devanagari and escaped characters included).
func TestNetworkX(t *testing.T) {
	for _, opts := range []pg.Options{{}, {Events: pg.EventEdges, Lang: pg.Hindi}} {
		g := exporttest.Graph(t, opts)
		path := filepath.Join(t.TempDir(), "g.graphml")
		if err := os.WriteFile(path, write(t, g), 0o644); err != nil {
			t.Fatal(err)
		}
		nx := exporttest.ReadNetworkX(t, "graphml", path)
		if nx.Nodes != len(g.Nodes) || nx.Edges != len(g.Edges) || !nx.Directed {
			t.Errorf("%+v: networkx read %d nodes, %d edges (directed %v); wrote %d, %d", opts, nx.Nodes, nx.Edges, nx.Directed, len(g.Nodes), len(g.Edges))
		}
		for _, n := range g.Nodes {
			d := nx.NodeData[n.ID]
			if d == nil {
				t.Errorf("networkx has no node %s", n.ID)
				continue
			}
			if d["label"] != n.Label || n.Label == "" {
				t.Errorf("node %s: label %q, want %q", n.ID, d["label"], n.Label)
			}
			if n.LabelHI != "" && d["label_hi"] != n.LabelHI {
				t.Errorf("node %s: label_hi %q, want %q", n.ID, d["label_hi"], n.LabelHI)
			}
		}
	}
}

// TestSchema validates the export against the GraphML XSD that Debian's
// libjgrapht-java ships.
func TestSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.graphml")
	if err := os.WriteFile(path, write(t, exporttest.Graph(t, pg.Options{})), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg := exporttest.ValidateGraphML(t, path); msg != "" {
		t.Errorf("xmllint --schema: %s", msg)
	}
	// The schema must be able to say no.
	bad := strings.Replace(string(write(t, exporttest.Graph(t, pg.Options{}))), "<node ", "<vertex ", 1)
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if exporttest.ValidateGraphML(t, path) == "" {
		t.Error("xmllint accepted a <vertex> element: the schema check proves nothing")
	}
}

func writeYEd(t *testing.T, g *pg.Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := graphml.WriteYEd(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestYEdNetworkX reads the yEd flavour back with networkx, whose GraphML
// reader understands yFiles' graphics: every node's label is the one in its
// y:NodeLabel (the projected lines, one a line, which differ from the
// " / "-joined label key, so the reader must have read the yFiles part),
// its shape a y:Shape and its position a y:Geometry; every edge's label
// its y:EdgeLabel.
func TestYEdNetworkX(t *testing.T) {
	for _, opts := range []pg.Options{{}, {Events: pg.EventEdges}} {
		g := exporttest.Graph(t, opts)
		path := filepath.Join(t.TempDir(), "g.graphml")
		if err := os.WriteFile(path, writeYEd(t, g), 0o644); err != nil {
			t.Fatal(err)
		}
		nx := exporttest.ReadNetworkX(t, "graphml", path)
		if nx.Nodes != len(g.Nodes) || nx.Edges != len(g.Edges) || !nx.Directed {
			t.Errorf("%+v: networkx read %d nodes, %d edges; wrote %d, %d", opts, nx.Nodes, nx.Edges, len(g.Nodes), len(g.Edges))
		}
		shapes := map[string]bool{}
		for _, n := range g.Nodes {
			d := nx.NodeData[n.ID]
			want := strings.Join(n.Lines, "\n")
			if d == nil || d["label"] != want || want == "" {
				t.Errorf("node %s: networkx read label %q, want the y:NodeLabel %q", n.ID, d["label"], want)
				continue
			}
			st, _ := d["shape_type"].(string)
			if st == "" || d["x"] == nil || d["y"] == nil {
				t.Errorf("node %s: no yFiles shape or geometry: %v", n.ID, d)
			}
			shapes[st] = true
			if d["label_hi"] != n.LabelHI && n.LabelHI != "" {
				t.Errorf("node %s: label_hi %q, want %q", n.ID, d["label_hi"], n.LabelHI)
			}
		}
		if len(shapes) < 3 {
			t.Errorf("node shapes %v: the types should not all draw alike", shapes)
		}
		labels := map[string]int{}
		for _, e := range nx.EdgeData {
			d := e[2].(map[string]any)
			labels[d["label"].(string)]++
		}
		for _, e := range g.Edges {
			if labels[e.Label] == 0 {
				t.Errorf("edge %s: no edge labelled %q in networkx's reading", e.ID, e.Label)
			}
		}
	}
}

// yedSchema is how the yFiles extension plugs into GraphML, written with
// the extension mechanism graphml.xsd itself names: data-extension.type is
// redefined to admit elements of other namespaces (y:ShapeNode ...), and a
// <key> may carry yFiles' yfiles.type attribute. Everything GraphML's own
// (graphml, key, graph, node, edge, data, their attributes and order) is
// still checked by graphml.xsd; the yFiles elements are read back by
// networkx (TestYEdNetworkX). yWorks' own ygraphml.xsd is not available
// here.
const yedSchema = `<?xml version="1.0"?>
<xs:schema targetNamespace="http://graphml.graphdrawing.org/xmlns" xmlns="http://graphml.graphdrawing.org/xmlns"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:redefine schemaLocation="graphml.xsd">
    <xs:complexType name="data-extension.type" mixed="true">
      <xs:complexContent mixed="true">
        <xs:extension base="data-extension.type">
          <xs:sequence>
            <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:extension>
      </xs:complexContent>
    </xs:complexType>
    <xs:attributeGroup name="key.extra.attrib">
      <xs:attributeGroup ref="key.extra.attrib"/>
      <xs:attribute name="yfiles.type" type="xs:NMTOKEN" use="optional"/>
    </xs:attributeGroup>
  </xs:redefine>
</xs:schema>
`

// TestYEdSchema validates the yEd flavour against GraphML's XSD extended
// as yedSchema says, and checks that the check can fail.
func TestYEdSchema(t *testing.T) {
	xsd := filepath.Join(filepath.Dir(exporttest.GraphMLSchema(t)), "graphml-yfiles.xsd")
	if err := os.WriteFile(xsd, []byte(yedSchema), 0o644); err != nil {
		t.Fatal(err)
	}
	out := writeYEd(t, exporttest.Graph(t, pg.Options{}))
	if !bytes.Contains(out, []byte("<y:ShapeNode>")) || !bytes.Contains(out, []byte("<y:NodeLabel ")) {
		t.Fatal("no y:ShapeNode with a y:NodeLabel in the yEd flavour")
	}
	path := filepath.Join(t.TempDir(), "g.graphml")
	for _, c := range []struct {
		name, doc string
		valid     bool
	}{
		{"yEd flavour", string(out), true},
		{"a <vertex>", strings.Replace(string(out), "<node ", "<vertex ", 1), false},
		{"yfiles.type on a <node>", strings.Replace(string(out), "<node ", `<node yfiles.type="x" `, 1), false},
		{"graphics outside <data>", strings.Replace(string(out), "<data key=\"n_graphics\">", "<y:Extra/><data key=\"n_graphics\">", 1), false},
	} {
		if err := os.WriteFile(path, []byte(c.doc), 0o644); err != nil {
			t.Fatal(err)
		}
		msg := exporttest.ValidateGraphMLWith(t, xsd, path)
		if c.valid && msg != "" {
			t.Errorf("%s: xmllint --schema: %s", c.name, msg)
		}
		if !c.valid && msg == "" {
			t.Errorf("%s: the schema accepted it, so the check proves nothing", c.name)
		}
	}
}
