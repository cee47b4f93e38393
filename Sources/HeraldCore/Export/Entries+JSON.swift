// How each kind of entry writes itself with JSONWriter, keys in sorted order.

extension LinkEntry: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("details", details)
            json.field("language", language)
            json.field("note", note)
            json.field("otherLinks", otherLinks)
            json.field("prefixes", prefixes)
            json.field("source", source)
            json.field("title", title)
            json.field("url", url)
        }
    }
}

extension CrateOfTheWeek: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("description", description)
            json.field("name", name)
            json.field("source", source)
            json.field("suggestedBy", suggestedBy)
            json.field("url", url)
        }
    }
}

extension CallForTesting: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("source", source)
            json.field("testingSteps", testingSteps)
            json.field("title", title)
            json.field("url", url)
        }
    }
}

extension CFPProject: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("project", project)
            json.field("source", source)
            json.field("tags", tags)
            json.field("task", task)
            json.field("url", url)
        }
    }
}

extension CFPEvent: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("closes", closes)
            json.field("closesOn", closesOn)
            json.field("event", event)
            json.field("eventDates", eventDates)
            json.field("location", location)
            json.field("source", source)
            json.field("startsOn", startsOn)
            json.field("url", url)
        }
    }
}

extension ProjectUpdates: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("groups", groups)
            json.field("mergedPullRequests", mergedPullRequests)
        }
    }
}

extension PerformanceTriage: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("improvements", improvements)
            json.field("mixed", mixed)
            json.field("regressions", regressions)
            json.field("reportURL", reportURL)
            json.field("revisionRange", revisionRange)
            json.field("revisionURL", revisionURL)
            json.field("source", source)
            json.field("triager", triager)
        }
    }
}

extension FCPEntry: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("disposition", disposition)
            json.field("source", source)
            json.field("title", title)
            json.field("url", url)
        }
    }
}

extension EventEntry: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("date", date)
            json.field("dateText", dateText)
            json.field("isVirtual", isVirtual)
            json.field("location", location)
            json.field("organiser", organiser)
            json.field("source", source)
            json.field("text", text)
            json.field("titles", titles)
        }
    }
}

extension JobEntry: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("employer", employer)
            json.field("source", source)
            json.field("title", title)
            json.field("url", url)
        }
    }
}

extension Quote: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("author", author)
            json.field("source", source)
            json.field("sourceURL", sourceURL)
            json.field("suggestedBy", suggestedBy)
            json.field("text", text)
        }
    }
}

extension TextBlock: JSONWritable {
    package func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("links", links)
            json.field("source", source)
            json.field("text", text)
        }
    }
}
