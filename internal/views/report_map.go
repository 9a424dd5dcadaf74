package views

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// continents are coarse outlines, [lon, lat] in degrees, drawn for
// orientation only: a reader should recognise the continents, not measure
// coastlines. Hand-placed for this report.
var continents = [][][2]float64{
	// North and Central America
	{{-168, 65}, {-156, 71}, {-128, 70}, {-95, 72}, {-80, 73}, {-62, 66}, {-55, 52}, {-66, 45}, {-70, 42},
		{-76, 35}, {-81, 31}, {-80, 25}, {-84, 30}, {-90, 29}, {-97, 27}, {-97, 22}, {-87, 21}, {-88, 16},
		{-83, 10}, {-78, 8}, {-80, 7}, {-86, 12}, {-92, 15}, {-105, 20}, {-110, 24}, {-115, 30}, {-118, 34},
		{-124, 40}, {-124, 48}, {-133, 56}, {-150, 60}, {-165, 60}},
	// Greenland
	{{-73, 78}, {-60, 82}, {-30, 83}, {-20, 75}, {-22, 70}, {-42, 60}, {-52, 64}, {-58, 70}},
	// South America
	{{-78, 8}, {-72, 12}, {-62, 10}, {-52, 5}, {-35, -5}, {-38, -13}, {-40, -22}, {-48, -26}, {-53, -34},
		{-58, -38}, {-65, -41}, {-68, -50}, {-70, -55}, {-75, -50}, {-73, -40}, {-71, -30}, {-70, -18},
		{-76, -14}, {-81, -5}, {-80, 0}},
	// Europe and Asia
	{{-10, 36}, {-9, 43}, {-2, 44}, {-5, 48}, {2, 51}, {8, 54}, {10, 57}, {5, 58}, {5, 62}, {14, 67},
		{22, 70}, {30, 70}, {42, 67}, {60, 69}, {70, 73}, {80, 73}, {100, 77}, {115, 73}, {140, 72},
		{160, 70}, {180, 68}, {180, 65}, {170, 60}, {160, 58}, {156, 51}, {155, 58}, {142, 59}, {135, 54},
		{140, 48}, {132, 43}, {129, 40}, {126, 35}, {122, 40}, {118, 38}, {122, 31}, {120, 24}, {110, 20},
		{108, 16}, {109, 12}, {105, 9}, {103, 1}, {100, 7}, {98, 16}, {92, 21}, {87, 21}, {80, 15}, {77, 8},
		{73, 18}, {67, 25}, {57, 26}, {56, 23}, {59, 22}, {52, 16}, {44, 13}, {40, 20}, {34, 28}, {32, 31},
		{35, 36}, {27, 37}, {26, 40}, {23, 40}, {20, 40}, {19, 42}, {13, 45}, {12, 44}, {18, 40}, {16, 38},
		{10, 44}, {3, 43}, {0, 39}, {-5, 36}},
	// Africa
	{{-17, 21}, {-16, 28}, {-10, 30}, {-6, 36}, {10, 37}, {11, 33}, {20, 31}, {32, 31}, {35, 28}, {43, 12},
		{51, 12}, {42, -1}, {40, -10}, {35, -24}, {27, -34}, {20, -35}, {18, -30}, {12, -18}, {13, -9},
		{9, -1}, {9, 4}, {-8, 4}, {-13, 8}, {-17, 14}},
	// Great Britain and Ireland
	{{-5, 50}, {1, 51}, {2, 53}, {-3, 56}, {-2, 58}, {-6, 58}, {-5, 55}, {-3, 54}, {-5, 52}},
	{{-10, 51.6}, {-6.3, 52.1}, {-5.8, 53.5}, {-5.6, 55.2}, {-7.5, 55.4}, {-10, 54.2}},
	// Japan
	{{130, 31}, {133, 34}, {136, 34}, {140, 35}, {142, 39}, {141, 42}, {145, 44}, {141, 45}, {139, 40},
		{137, 37}, {132, 35}, {130, 33}},
	// Borneo, Sumatra
	{{109, 2}, {117, 7}, {119, 5}, {116, -4}, {110, -3}},
	{{95, 5}, {104, -2}, {106, -6}, {101, -4}},
	// Australia and New Zealand
	{{114, -22}, {114, -34}, {118, -35}, {124, -33}, {131, -31}, {138, -35}, {141, -38}, {150, -37},
		{153, -28}, {153, -25}, {146, -19}, {142, -11}, {136, -12}, {131, -11}, {126, -14}, {122, -18}},
	{{172, -34}, {178, -38}, {174, -41}, {171, -46}, {167, -46}, {172, -41}},
}

// seas are inland seas and bays cut out of the continents above, drawn in
// the sea's colour on top of them.
var seas = [][][2]float64{
	// Baltic Sea and Gulf of Bothnia
	{{10, 54}, {14, 54}, {20, 54.5}, {21, 57}, {24, 57.5}, {28, 60}, {23, 60.3}, {21.5, 63}, {25, 65.5},
		{22, 65.8}, {17.5, 62.5}, {19, 60}, {16.5, 57}, {12.5, 56}},
	// Black Sea
	{{28, 41.5}, {28, 46}, {33, 46}, {38, 47}, {41.5, 42}, {35, 42}},
	// Caspian Sea
	{{47, 45}, {50, 47}, {53.5, 45}, {53, 40}, {50.5, 37}, {49, 40}},
	// Hudson Bay
	{{-95, 60}, {-80, 63}, {-77, 55}, {-80, 51}, {-90, 57}},
	// Persian Gulf
	{{48, 30}, {50, 30}, {56, 27}, {56, 25}, {52, 24}},
	// Red Sea
	{{32.5, 30}, {35, 28}, {43, 13}, {42, 15}, {39, 20}},
}

const (
	mapWidth    = 1000.0
	mapAspect   = 2.5 // width over height
	mapFont     = 13.0
	mapMinSpanX = 70.0 // degrees of longitude shown at the least
)

// mapView is an equirectangular projection of a box of the world that holds
// every region, with a margin, at mapWidth units wide.
type mapView struct {
	lon0, lat0, k float64
	height        float64
}

func newMapView(regions []reportRegion) mapView {
	minLon, maxLon, minLat, maxLat := 180.0, -180.0, 90.0, -90.0
	n := 0
	for _, r := range regions {
		if !r.HasGeo {
			continue
		}
		n++
		minLon, maxLon = math.Min(minLon, r.Lon), math.Max(maxLon, r.Lon)
		minLat, maxLat = math.Min(minLat, r.Lat), math.Max(maxLat, r.Lat)
	}
	if n == 0 {
		minLon, maxLon, minLat, maxLat = -180, 180, -58, 80
	}
	// A margin for labels, then the box grown to the map's aspect.
	minLon, maxLon = minLon-25, maxLon+25
	minLat, maxLat = minLat-12, maxLat+12
	spanX := math.Max(maxLon-minLon, mapMinSpanX)
	spanY := maxLat - minLat
	if spanX/spanY < mapAspect {
		spanX = spanY * mapAspect
	} else {
		spanY = spanX / mapAspect
	}
	spanX, spanY = math.Min(spanX, 360), math.Min(spanY, 360/mapAspect)
	cx, cy := (minLon+maxLon)/2, (minLat+maxLat)/2
	lon0 := clamp(cx-spanX/2, -180, 180-spanX)
	lat1 := clamp(cy+spanY/2, -58+spanY, 84)
	k := mapWidth / spanX
	return mapView{lon0: lon0, lat0: lat1, k: k, height: spanY * k}
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func (v mapView) xy(lon, lat float64) (float64, float64) {
	return (lon - v.lon0) * v.k, (v.lat0 - lat) * v.k
}

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// regionMapSVG draws the regions as points on the map, each labelled with
// its name and how many services are active there. Labels are placed
// greedily, in region order, at the first of a few spots around the point
// that overlaps no label or point already drawn.
func regionMapSVG(regions []reportRegion) template.HTML {
	v := newMapView(regions)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="map" viewBox="0 0 %.0f %.0f" role="img" aria-label="Map of the module's regions" xmlns="http://www.w3.org/2000/svg">`, mapWidth, v.height)
	fmt.Fprintf(&b, `<rect class="sea" width="%.0f" height="%.0f"/>`, mapWidth, v.height)
	// Graticule every 30 degrees.
	for lon := -150.0; lon <= 150; lon += 30 {
		x, _ := v.xy(lon, 0)
		fmt.Fprintf(&b, `<line class="grid" x1="%.1f" y1="0" x2="%.1f" y2="%.0f"/>`, x, x, v.height)
	}
	for lat := -30.0; lat <= 60; lat += 30 {
		_, y := v.xy(0, lat)
		fmt.Fprintf(&b, `<line class="grid" x1="0" y1="%.1f" x2="%.0f" y2="%.1f"/>`, y, mapWidth, y)
	}
	writePolys(&b, v, "land", continents)
	writePolys(&b, v, "sea", seas)

	var taken []box
	type placed struct {
		x, y, r float64
		reg     reportRegion
	}
	var pts []placed
	for _, r := range regions {
		if !r.HasGeo {
			continue
		}
		x, y := v.xy(r.Lon, r.Lat)
		rad := 4 + math.Min(6, math.Sqrt(float64(len(r.Active)))*1.6)
		pts = append(pts, placed{x, y, rad, r})
		taken = append(taken, box{x - rad, y - rad, x + rad, y + rad})
	}
	for _, p := range pts {
		cls := "idle"
		switch {
		case len(p.reg.Active) > 0:
			cls = "active"
		case len(p.reg.Standby) > 0:
			cls = "standby"
		}
		fmt.Fprintf(&b, `<circle class="pt %s" cx="%.1f" cy="%.1f" r="%.1f"><title>%s</title></circle>`,
			cls, p.x, p.y, p.r, template.HTMLEscapeString(p.reg.Name+": "+regionCounts(p.reg)))
	}
	for _, p := range pts {
		label := fmt.Sprintf("%s · %d", p.reg.Name, len(p.reg.Active))
		w := float64(len([]rune(label)))*mapFont*0.58 + 4
		h := mapFont + 2
		type spot struct {
			dx, dy float64
			anchor string
		}
		d := p.r + 4
		var spots []spot
		for _, off := range []float64{0, 1, 2, 3} {
			step := off * (h + 2)
			spots = append(spots,
				spot{d, mapFont*0.35 - step, "start"}, spot{-d, mapFont*0.35 - step, "end"},
				spot{d, mapFont*0.35 + step, "start"}, spot{-d, mapFont*0.35 + step, "end"})
		}
		chosen := spots[0]
		var lb box
		for _, s := range spots {
			x := p.x + s.dx
			if s.anchor == "end" {
				x -= w
			}
			cand := box{x, p.y + s.dy - mapFont, x + w, p.y + s.dy - mapFont + h}
			if cand.x0 < 0 || cand.x1 > mapWidth || cand.y0 < 0 || cand.y1 > v.height {
				continue
			}
			ok := true
			for _, t := range taken {
				if cand.overlaps(t) {
					ok = false
					break
				}
			}
			if ok {
				chosen, lb = s, cand
				break
			}
		}
		if lb == (box{}) {
			x := p.x + chosen.dx
			lb = box{x, p.y + chosen.dy - mapFont, x + w, p.y + chosen.dy}
		}
		taken = append(taken, lb)
		tx, ty := p.x+chosen.dx, p.y+chosen.dy
		if math.Abs(chosen.dy-mapFont*0.35) > 1 {
			// Moved away from its point: a leader line says whose it is.
			ex := lb.x0
			if chosen.anchor == "end" {
				ex = lb.x1
			}
			fmt.Fprintf(&b, `<line class="leader" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f"/>`, p.x, p.y, ex, ty-mapFont*0.35)
		}
		fmt.Fprintf(&b, `<text class="label" x="%.1f" y="%.1f" text-anchor="%s">%s</text>`,
			tx, ty, chosen.anchor, template.HTMLEscapeString(label))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func regionCounts(r reportRegion) string {
	s := fmt.Sprintf("%d active", len(r.Active))
	if len(r.Standby) > 0 {
		s += fmt.Sprintf(", %d standby", len(r.Standby))
	}
	return s
}

func writePolys(b *strings.Builder, v mapView, class string, polys [][][2]float64) {
	for _, poly := range polys {
		fmt.Fprintf(b, `<path class="%s" d="`, class)
		for i, pt := range poly {
			x, y := v.xy(pt[0], pt[1])
			if i == 0 {
				fmt.Fprintf(b, "M%.1f %.1f", x, y)
			} else {
				fmt.Fprintf(b, "L%.1f %.1f", x, y)
			}
		}
		b.WriteString(`Z"/>`)
	}
}
