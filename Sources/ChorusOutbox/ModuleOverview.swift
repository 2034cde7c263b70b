// ChorusOutbox: the messages Chorus drafts and a person sends.
//
// Owns the template folder (Markdown with front matter, rendered by swift-mustache with merge
// fields in the users' words), the RFC 5322 `.eml` files and the Klaviyo list CSV, and the
// brief as a printable document. Imports ChorusCore and ChorusInterchange; never sends mail.
//
// Where to start reading: `TemplateFolder.swift`, `MessageTemplate.swift`, `OutboxDrafts.swift`.
