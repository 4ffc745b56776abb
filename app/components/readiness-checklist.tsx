// The readiness checklist: one card per section, each item with its status, what we found, why it
// matters and the exact next step; the section's common questions collapsible underneath.
import { Form } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, Collapsible, Divider, InlineStack, Link, ProgressBar, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import type { ChecklistSection, ReadinessChecklist } from "../modules/readiness/load-readiness-checklist";
import type { ReadinessItem, ReadinessStatus } from "../modules/readiness/readiness-item";

const STATUS_BADGE: Record<ReadinessStatus, { tone: "success" | "critical" | "warning" | "info" | undefined; label: string }> = {
  done: { tone: "success", label: "Done" },
  blocked: { tone: "critical", label: "Blocked" },
  action_needed: { tone: "warning", label: "To do" },
  pending: { tone: "info", label: "Waiting on TikTok" },
  unknown: { tone: undefined, label: "Unknown" },
};

export function ReadinessChecklistView({ checklist, submitting, onSelectShop }: { checklist: ReadinessChecklist; submitting: boolean; onSelectShop: (id: string) => void }) {
  const percent = checklist.total === 0 ? 0 : Math.round((checklist.done / checklist.total) * 100);
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center" gap="300">
            <Text as="h2" variant="headingMd">Ready to sell on TikTok Shop</Text>
            {checklist.links.length > 1 ? (
              <div style={{ minWidth: 240 }}>
                <Select
                  label="Checklist for"
                  labelInline
                  options={checklist.links.map((l) => ({ label: `${l.name} (${l.region})`, value: l.tiktokShopId }))}
                  value={checklist.tiktokShopId ?? ""}
                  onChange={onSelectShop}
                />
              </div>
            ) : null}
          </InlineStack>
          <div data-testid="readiness-summary">
            <Text as="p">
              {checklist.done} of {checklist.total} done
              {checklist.blockers > 0 ? ` · ${checklist.blockers} blocking` : ""}
            </Text>
          </div>
          <ProgressBar progress={percent} tone={checklist.blockers > 0 ? "critical" : percent === 100 ? "success" : "highlight"} size="small" />
          {checklist.tiktokShopId === null ? (
            <Text as="p" tone="subdued">After you connect your TikTok Shop, we also check its setup and business verification here.</Text>
          ) : null}
        </BlockStack>
      </Card>
      {checklist.sections.map((section) => (
        <SectionCard key={section.section} section={section} submitting={submitting} />
      ))}
    </BlockStack>
  );
}

function SectionCard({ section, submitting }: { section: ChecklistSection; submitting: boolean }) {
  const [faqOpen, setFaqOpen] = useState(false);
  const faqId = `faq-${section.section}`;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h3" variant="headingSm">{section.title}</Text>
          <Text as="span" tone="subdued">{section.done} of {section.items.length} done</Text>
        </InlineStack>
        {section.items.map((item, index) => (
          <BlockStack key={item.id} gap="300">
            {index > 0 ? <Divider /> : null}
            <ItemRow item={item} submitting={submitting} />
          </BlockStack>
        ))}
        {section.faq.length > 0 ? (
          <BlockStack gap="200">
            <Divider />
            <InlineStack>
              <Button variant="plain" disclosure={faqOpen ? "up" : "down"} onClick={() => setFaqOpen((o) => !o)} ariaControls={faqId} ariaExpanded={faqOpen}>
                {`Questions about ${section.title.toLowerCase()}`}
              </Button>
            </InlineStack>
            <Collapsible id={faqId} open={faqOpen}>
              <BlockStack gap="200">
                {section.faq.map((entry) => (
                  <Box key={entry.question}>
                    <Text as="p" fontWeight="semibold">{entry.question}</Text>
                    <Text as="p">{entry.answer}</Text>
                  </Box>
                ))}
              </BlockStack>
            </Collapsible>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function ItemRow({ item, submitting }: { item: ReadinessItem; submitting: boolean }) {
  const badge = STATUS_BADGE[item.status];
  return (
    <div id={item.id} data-testid={`readiness-item-${item.id}`} data-status={item.status}>
      <BlockStack gap="100">
        <InlineStack gap="200" blockAlign="center">
          <Badge tone={badge.tone}>{badge.label}</Badge>
          <Text as="span" fontWeight="semibold">{item.title}</Text>
        </InlineStack>
        <Text as="p">{item.detail}</Text>
        {item.nextStep ? <Text as="p"><Text as="span" fontWeight="semibold">Next step: </Text>{item.nextStep}</Text> : null}
        <Text as="p" tone="subdued" variant="bodySm">Why: {item.why}</Text>
        {item.source ? (
          <Text as="p" tone="subdued" variant="bodySm">
            Source: <Link url={item.source.url} target="_blank">{item.source.title}</Link> (checked {item.source.checkedOn})
          </Text>
        ) : null}
        {item.action ? <ItemAction action={item.action} submitting={submitting} /> : null}
      </BlockStack>
    </div>
  );
}

function ItemAction({ action, submitting }: { action: NonNullable<ReadinessItem["action"]>; submitting: boolean }) {
  if (action.formIntent) {
    return (
      <Form method="post">
        <input type="hidden" name="intent" value={action.formIntent} />
        <InlineStack>
          <Button submit loading={submitting}>{action.label}</Button>
        </InlineStack>
      </Form>
    );
  }
  return (
    <InlineStack>
      <Button url={action.url} target={action.external ? "_blank" : undefined}>{action.label}</Button>
    </InlineStack>
  );
}
