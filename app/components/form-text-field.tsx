import { TextField, type TextFieldProps } from "@shopify/polaris";
import { useState } from "react";

/** A Polaris TextField that keeps its own value and posts it with the surrounding <Form> under `name`. */
export function FormTextField(props: Omit<TextFieldProps, "value" | "onChange" | "autoComplete"> & { name: string; initialValue: string }) {
  const { initialValue, ...rest } = props;
  const [value, setValue] = useState(initialValue);
  return <TextField {...rest} value={value} onChange={setValue} autoComplete="off" />;
}
