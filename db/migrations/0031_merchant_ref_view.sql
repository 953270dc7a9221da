-- What other modules (voucher) read of a partner merchant; the contact phone and the settlement
-- account (ciphertext) stay out, answered by the merchant module's functions.
CREATE VIEW merchant_ref AS
  SELECT id, org_id, name, categories, status, address, lat, lng FROM merchant;
