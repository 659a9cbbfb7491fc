/** A SKU's totals over all warehouses. */
export interface StockTotals {
  onHand: number;
  reserved: number;
}

/** What the SKU row remembered after its previous change. */
export interface StockSnapshot extends StockTotals {
  lowStock: boolean;
}

/** What a change means for the events consumers rely on. */
export interface StockSignals {
  available: number;
  /** The flag to store: available is at or below the threshold. */
  lowStock: boolean;
  /** Emit `inventory.low-stock.v1`: the threshold was crossed by this change. */
  lowStockCrossed: boolean;
  inStock: boolean;
  wasInStock: boolean;
  /** Emit `inventory.stock-changed.v1`: units on hand changed, or the SKU went in or out of stock. */
  stockChanged: boolean;
}

/**
 * The signals of one SKU's change. The low-stock alert fires once, when available first falls
 * to or below the threshold; changes further below it stay quiet, and it re-arms only after
 * available rises above the threshold again. Reservations alone (on hand unchanged) announce a
 * stock change only when they take the last unit or give one back.
 */
export function stockSignals(
  previous: StockSnapshot,
  next: StockTotals,
  threshold: number | null,
): StockSignals {
  const available = next.onHand - next.reserved;
  const lowStock = threshold !== null && available <= threshold;
  const wasInStock = previous.onHand - previous.reserved > 0;
  const inStock = available > 0;
  return {
    available,
    lowStock,
    lowStockCrossed: lowStock && !previous.lowStock,
    inStock,
    wasInStock,
    stockChanged: previous.onHand !== next.onHand || wasInStock !== inStock,
  };
}
