-- Every member gets a card number: the one entered (or imported), else "UH" and the record id.
-- A trigger, so every path that inserts members (forms, approvals, bulk imports) gets one.
CREATE FUNCTION member_assign_card_no() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.card_no IS NULL THEN
    NEW.card_no := 'UH' || lpad(NEW.id::text, 9, '0');
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER member_card_no BEFORE INSERT ON member FOR EACH ROW EXECUTE FUNCTION member_assign_card_no();
--> statement-breakpoint
UPDATE member SET card_no = 'UH' || lpad(id::text, 9, '0') WHERE card_no IS NULL;
