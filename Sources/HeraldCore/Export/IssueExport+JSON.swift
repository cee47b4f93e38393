// How each exported type writes itself with JSONWriter: the same keys and values its `Codable`
// conformance produces, keys in sorted order, absent optionals left out.

extension IssueExport: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("issues", issues)
            json.field("version", version)
        }
    }
}

extension Issue: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("editors", editors)
            json.field("file", file)
            json.field("metadata", metadata)
            json.field("sections", sections)
        }
    }
}

extension IssueMetadata: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("authors", authors)
            json.field("category", category)
            json.field("date", date)
            json.field("extra", extra)
            json.field("number", number)
            json.field("numberIsFromTitle", numberIsFromTitle)
            json.field("slug", slug)
            json.field("status", status.rawValue)
            json.field("summary", summary)
            json.field("tags", tags)
            json.field("time", time?.description)
            json.field("title", title)
        }
    }
}

extension IssueDate: JSONWritable {
    package func write(to json: inout JSONWriter) { json.string(description) }
}

extension Section: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("content", content)
            json.field("kind", kind.id)
            json.field("level", level)
            json.field("source", source)
            json.field("subsections", subsections)
            json.field("title", title)
        }
    }
}

extension SectionContent: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("approvedRFCs", approvedRFCs)
            json.field("blocks", blocks)
            json.field("callsForTesting", callsForTesting)
            json.field("cfpEvents", cfpEvents)
            json.field("cfpProjects", cfpProjects)
            json.field("crate", crate)
            json.field("editors", editors)
            json.field("events", events)
            json.field("finalCommentPeriod", finalCommentPeriod)
            json.field("jobs", jobs)
            json.field("links", links)
            json.field("newRFCs", newRFCs)
            json.field("performanceTriage", performanceTriage)
            json.field("projectUpdates", projectUpdates)
            json.field("quote", quote)
        }
    }
}

extension SourceSpan: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("column", column)
            json.field("endLine", endLine)
            json.field("line", line)
        }
    }
}

extension EntryGroup: JSONWritable where Entry: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("entries", entries)
            json.field("level", level)
            json.field("source", source)
            json.field("title", title)
        }
    }
}

extension Link: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("title", title)
            json.field("url", url)
        }
    }
}

extension Person: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("name", name)
            json.field("url", url)
        }
    }
}
