// Sync rules the merchant sets: price adjustment and rounding, stock buffer and threshold, default
// package size. Saving re-syncs the chosen products (prices by the price endpoint: no new review).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Layout, Page, Select, Text } from "@shopify/polaris";
import { FormTextField } from "../components/form-text-field";
import { useState } from "react";
import { z } from "zod";
import { queue, storeSettings } from "../app-context.server";
import { db } from "../db.server";
import { ANY_PRODUCT_TYPE } from "../modules/listing/package-mapping";
import { parseAutoIncludeRules, type AutoIncludeRule } from "../modules/catalog/auto-include";
import { updateStoreSettings } from "../modules/catalog/update-store-settings";
import { authenticate } from "../shopify.server";

const decimal = z.string().trim().regex(/^-?\d+(\.\d+)?$/, "Enter a number, like 10 or 2.50");
const formSchema = z.object({
  adjustmentKind: z.enum(["none", "percent", "fixed"]),
  adjustmentValue: z.string().trim().default(""), // absent when the field is disabled
  rounding: z.enum(["none", "whole", "0.99", "0.95"]),
  bufferKind: z.enum(["none", "fixed", "percent"]),
  bufferValue: z.string().trim().default(""),
  outOfStockThreshold: z.coerce.number().int().min(0, "Enter 0 or more"),
  length: decimal.or(z.literal("")),
  width: decimal.or(z.literal("")),
  height: decimal.or(z.literal("")),
  autoInclude: z.string().default(""),
  onRemove: z.enum(["deactivate", "delete"]).default("deactivate"),
});

/** "vendor: Acme" / "type: Mugs" / "tag: summer" / "collection: Summer", one rule a line. */
function parseRuleLines(text: string): { rules: AutoIncludeRule[]; error: string | null } {
  const rules: AutoIncludeRule[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const match = /^(vendor|type|tag|collection)\s*:\s*(.+)$/i.exec(line);
    if (!match) return { rules, error: `"${line}" is not a rule: write vendor: …, type: …, tag: … or collection: …, one per line.` };
    const field = match[1]!.toLowerCase() === "type" ? "productType" : (match[1]!.toLowerCase() as "vendor" | "tag" | "collection");
    rules.push({ field, value: match[2]!.trim() });
  }
  return { rules, error: null };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const settings = await storeSettings.settings(session.shop);
  const autoInclude = parseAutoIncludeRules((await db.storeSettings.findUnique({ where: { shop: session.shop } }))?.autoInclude ?? "[]");
  return { onRemove: await storeSettings.onRemove(session.shop), autoInclude: autoInclude.map((r) => `${r.field === "productType" ? "type" : r.field}: ${r.value}`).join("\n"), price: settings.price, inventory: settings.inventory, dimensions: settings.listing.defaultPackageDimensionsByProductType[ANY_PRODUCT_TYPE] ?? null, mapping: settings.listing.categoryMapping };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const parsed = formSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  const f = parsed.data;
  const autoInclude = parseRuleLines(f.autoInclude);
  if (autoInclude.error) return { ok: false, message: autoInclude.error };
  const number = (v: string) => (v === "" ? "0" : v);
  try {
    const { resynced } = await updateStoreSettings({ db, settings: storeSettings, queue }, session.shop, (doc) => ({
      ...doc,
      onRemove: f.onRemove,
      price: {
        ...(doc.price ?? {}),
        adjustment: f.adjustmentKind === "none" ? { kind: "none" } : f.adjustmentKind === "percent" ? { kind: "percent", percent: number(f.adjustmentValue) } : { kind: "fixed", amount: number(f.adjustmentValue) },
        rounding: f.rounding === "none" ? { kind: "none" } : f.rounding === "whole" ? { kind: "whole" } : { kind: "ending", ending: f.rounding },
      },
      inventory: {
        ...(doc.inventory ?? {}),
        buffer: f.bufferKind === "none" ? { kind: "none" } : f.bufferKind === "fixed" ? { kind: "fixed", units: Number(number(f.bufferValue)) } : { kind: "percent", percent: Number(number(f.bufferValue)) },
        outOfStockThreshold: f.outOfStockThreshold,
      },
      listing: {
        ...(doc.listing ?? {}),
        defaultPackageDimensionsByProductType: {
          ...((doc.listing?.defaultPackageDimensionsByProductType as object) ?? {}),
          ...(f.length && f.width && f.height ? { [ANY_PRODUCT_TYPE]: { length: f.length, width: f.width, height: f.height, unit: "CENTIMETER" } } : {}),
        },
      },
    }));
    await db.storeSettings.update({ where: { shop: session.shop }, data: { autoInclude: JSON.stringify(autoInclude.rules) } });
    return { ok: true, message: resynced ? `Saved. ${resynced} products are being updated on TikTok.` : "Saved." };
  } catch (error) {
    return { ok: false, message: `These settings could not be saved: ${(error as Error).message}. Check the values and save again.` };
  }
}

export default function Settings() {
  const { price, inventory, dimensions, autoInclude, onRemove: savedOnRemove } = useLoaderData<typeof loader>();
  const [onRemove, setOnRemove] = useState<string>(savedOnRemove);
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const adjustmentValue = price.adjustment.kind === "percent" ? price.adjustment.percent : price.adjustment.kind === "fixed" ? price.adjustment.amount : "";
  const [adjustmentKind, setAdjustmentKind] = useState<string>(price.adjustment.kind);
  const [rounding, setRounding] = useState(price.rounding.kind === "ending" ? price.rounding.ending : price.rounding.kind);
  const [bufferKind, setBufferKind] = useState<string>(inventory.buffer.kind);
  const bufferValue = inventory.buffer.kind === "fixed" ? String(inventory.buffer.units) : inventory.buffer.kind === "percent" ? String(inventory.buffer.percent) : "";
  return (
    <Page title="Sync settings" backAction={{ url: "/app" }}>
      <Form method="post">
        <Layout>
          {result ? (
            <Layout.Section>
              <Banner tone={result.ok ? "success" : "critical"}>{result.message}</Banner>
            </Layout.Section>
          ) : null}
          <Layout.AnnotatedSection title="Prices on TikTok" description="Change your Shopify prices for TikTok. Price changes do not send listings back to TikTok's review.">
            <Card>
              <FormLayout>
                <Select label="Adjustment" name="adjustmentKind" value={adjustmentKind} onChange={setAdjustmentKind} options={[{ label: "Same as Shopify", value: "none" }, { label: "Percent (+ markup, − markdown)", value: "percent" }, { label: "Fixed amount", value: "fixed" }]} />
                <FormTextField label="Value" name="adjustmentValue" initialValue={adjustmentValue} disabled={adjustmentKind === "none"} />
                <Select label="Rounding" name="rounding" value={rounding} onChange={setRounding} options={[{ label: "None", value: "none" }, { label: "Whole number", value: "whole" }, { label: "End in .99", value: "0.99" }, { label: "End in .95", value: "0.95" }]} />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Stock on TikTok" description="Keep a few units back so TikTok does not sell what is already sold elsewhere.">
            <Card>
              <FormLayout>
                <Select label="Safety buffer" name="bufferKind" value={bufferKind} onChange={setBufferKind} options={[{ label: "None", value: "none" }, { label: "Units", value: "fixed" }, { label: "Percent", value: "percent" }]} />
                <FormTextField label="Buffer" name="bufferValue" initialValue={bufferValue} disabled={bufferKind === "none"} />
                <FormTextField label="Show as sold out at or below" name="outOfStockThreshold" type="number" initialValue={String(inventory.outOfStockThreshold)} />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Default package size" description="TikTok needs package dimensions. Used for products without their own (tiktok.package_* metafields).">
            <Card>
              <FormLayout>
                <FormLayout.Group condensed>
                  <FormTextField label="Length (cm)" name="length" initialValue={dimensions?.length ?? ""} />
                  <FormTextField label="Width (cm)" name="width" initialValue={dimensions?.width ?? ""} />
                  <FormTextField label="Height (cm)" name="height" initialValue={dimensions?.height ?? ""} />
                </FormLayout.Group>
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="New products" description="Sync new Shopify products automatically when they match a rule (a product is new for a day after you create it, so a tag or collection you add right after counts). One rule a line: vendor: Acme, type: Mugs, tag: tiktok or collection: Summer (its title or handle). A product you stop syncing is never chosen again by a rule.">
            <Card>
              <FormLayout>
                <FormTextField label="Automatically sync new products with" name="autoInclude" multiline={3} initialValue={autoInclude} />
                <Select
                  label="When a product stops syncing or is deleted in Shopify"
                  name="onRemove"
                  value={onRemove}
                  onChange={setOnRemove}
                  options={[{ label: "Deactivate it on TikTok (it can be reactivated)", value: "deactivate" }, { label: "Delete it from TikTok", value: "delete" }]}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <BlockStack gap="200">
              <Button submit variant="primary" loading={navigation.state !== "idle"}>Save</Button>
              <Text as="p" tone="subdued">Saving updates every product you sync.</Text>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
