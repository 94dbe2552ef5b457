UPDATE listings SET content = json_remove(content, '$.phones') WHERE content IS NOT NULL;
UPDATE submissions SET content = json_remove(content, '$.phones');
