package lang

import (
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/mrplan/mrplan/providers"
)

var dataSchema = &hcl.BodySchema{
	Attributes: []hcl.AttributeSchema{
		{Name: "owner", Required: true},
		{Name: "product", Required: true},
		{Name: "size"},
		{Name: "write_rate"},
		{Name: "read_rate"},
		{Name: "uniqueness"},
		{Name: "realtime"},
		{Name: "loss_tolerance"},
		{Name: "regenerable"},
		{Name: "conflict"},
		{Name: "partition_key"},
		{Name: "consistency"},
		{Name: "backup_interval"},
		{Name: "sync"},
		{Name: "residency"},
	},
	Blocks: []hcl.BlockHeaderSchema{observeBlock},
}

// DefaultBackupInterval is a data class's backup_interval when none is given.
const DefaultBackupInterval = 24 * time.Hour

// dataProductKinds are the kinds of product that can hold a data class.
var dataProductKinds = []providers.ProductKind{
	providers.KindDatabase, providers.KindCache, providers.KindQueue, providers.KindObjectStore, providers.KindSearch,
}

func (l *loader) decodeDataBlock(block *hcl.Block) *Data {
	d := &Data{
		Name:           block.Labels[0],
		BackupInterval: DefaultBackupInterval,
		DeclRange:      block.DefRange,
		NameRange:      block.LabelRanges[0],
	}
	content := l.content(block.Body, dataSchema)
	d.Attrs = attrRanges(content, "", nil)
	a := content.Attributes

	if r, ok := l.ref(a["owner"], refService); ok {
		d.Owner = r
	}
	d.Product, _ = l.str(a["product"])
	l.recordExpr(d.Addr(), a["product"])
	if v, ok := l.size(a["size"]); ok {
		d.Size = &v
	}
	if v, ok := l.number(a["write_rate"], 0, inf); ok {
		d.WriteRate = &v
	}
	if v, ok := l.number(a["read_rate"], 0, inf); ok {
		d.ReadRate = &v
	}
	if i, ok := l.enum(a["uniqueness"], uniquenessNames); ok {
		d.Uniqueness = Uniqueness(i)
	}
	d.Realtime, _ = l.boolean(a["realtime"])
	if v, ok := l.durationOr(a["loss_tolerance"], "none", 0); ok {
		d.LossTolerance = &v
	}
	d.Regenerable, _ = l.boolean(a["regenerable"])
	if i, ok := l.enum(a["conflict"], conflictNames); ok {
		d.Conflict = Conflict(i)
	}
	d.PartitionKey, _ = l.str(a["partition_key"])
	d.Consistency = ConsistencyEventual
	if d.Realtime {
		d.Consistency = ConsistencyStrong
	}
	if i, ok := l.enum(a["consistency"], consistencyNames); ok {
		d.Consistency = Consistency(i)
	}
	if v, ok := l.duration(a["backup_interval"]); ok {
		d.BackupInterval = v
	}
	if attr := a["sync"]; attr != nil {
		for _, w := range l.wordsFrom(attr, mechanismNames) {
			for i, n := range mechanismNames {
				if n == w {
					d.Sync = append(d.Sync, MechanismRef{Mechanism: Mechanism(i), Range: attr.Expr.Range()})
				}
			}
		}
	}
	d.Residency = l.residency(a["residency"])
	d.Observe = l.decodeObserve(content, KindData, d.Attrs)
	return d
}

func (l *loader) resolveData(d *Data) {
	if d.Owner != (Ref{}) && !l.resolve(d.Owner, refService) {
		d.Owner = Ref{}
	}
	if d.Product != "" {
		d.Catalog = l.resolveProduct(d.Product, l.exprRange(d.Addr(), "product", d.Attrs["product"]), "a data class", dataProductKinds)
		if d.Catalog != nil {
			d.Product = d.Catalog.Ref() // an alias as written reads canonical from here on
		}
	}
}
