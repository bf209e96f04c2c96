// After-sales and store-policy vocabulary: a message using any of these words (or a lexicon phrase
// standing for one, "came off" → separation, defects, warranty) is a question for the knowledge
// articles even when it names a product, and the products it names are the object of the question,
// not its subject. Compared with canonical (stemmed) terms and with what the shopper wrote.
export const SERVICE = new Set(
  (
    'return returns returning refund refunds exchange exchanges warranty guarantee guaranteed defects defective repair ' +
    'ship shipping shipped delivery deliver delivered arrive arrival track tracking cancel cancellation change address ' +
    'size sizes sizing fit fits measure width widths conversions torso wash washing clean cleaning care dry tumble mud odour ' +
    'payment payments pay card cards klarna installments declined paypal cash cryptocurrency checks tax taxes duties customs ' +
    'discount promo code student hours locations account password email newsletter stock restocks backorder ' +
    'damaged missing wrong lost policy covers seams separation zippers express international countries carrier ' +
    'worn wears receipt balance expire invoice treatment waterproofing softener detergent beading repellent dwr'
  ).split(' '),
);
