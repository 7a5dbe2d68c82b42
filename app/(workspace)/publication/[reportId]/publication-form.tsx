"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/components/workflow/use-action";

import { recordPublicationAction } from "./actions";

/** 标记为已公开: where the report was published and on which day. */
export function PublicationForm({ reportId }: { reportId: string }) {
  const [url, setUrl] = useState("");
  const [publishedOn, setPublishedOn] = useState("");
  const { run, error, isPending } = useAction();
  return (
    <form
      className="flex flex-wrap items-end gap-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => recordPublicationAction({ reportId, url, publishedOn }));
      }}
    >
      <div className="min-w-72 flex-1">
        <Label htmlFor="publication-url">公开网址</Label>
        <Input
          id="publication-url"
          type="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://www.example.gov.cn/…"
          required
        />
      </div>
      <div>
        <Label htmlFor="publication-date">公开日期</Label>
        <Input id="publication-date" type="date" value={publishedOn} onChange={(event) => setPublishedOn(event.target.value)} required />
      </div>
      <Button type="submit" variant="primary" disabled={isPending}>
        标记为已公开
      </Button>
      {error ? (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
