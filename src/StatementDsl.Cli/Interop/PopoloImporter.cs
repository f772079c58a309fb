using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StatementDsl.Cli.Interop;

/// <summary>
/// <c>stmt import --from popolo</c>: Popolo JSON as civic-tech projects publish it (docs/interop.md):
/// <c>persons</c>, <c>organizations</c>, <c>memberships</c> (also embedded in a person or an
/// organization, with the organization embedded in them), <c>events</c> and <c>speeches</c>; full,
/// year-month and empty-string dates; names in any script with <c>other_names</c> with or without
/// <c>lang</c>. People, organizations and memberships go to <c>roster.stmt</c>, each event with its
/// speeches to a file of its own.
/// </summary>
internal static class PopoloImporter
{
    /// <summary>An exported speech's id is its utterance's id and the passage's number (<c>jaafari_speech-2</c>).</summary>
    private static readonly Regex PassageNumber = new("-[0-9]+$", RegexOptions.CultureInvariant);

    public static void Import(string path, ImportResult result, HashSet<string> ids, SortedDictionary<string, string> roster)
    {
        var fileName = Path.GetFileName(path);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var memberships = new List<(JsonElement Membership, string? Person, string? Organization, string Path)>();

        // Ids first, so that a parent named before its own declaration still resolves.
        foreach (var actor in Array(root, "organizations").Concat(Array(root, "persons")))
        {
            if ((String(actor, "id") ?? String(actor, "name")) is { } key && !known.ContainsKey(key))
            {
                known[key] = StatementText.Identifier(key, ids, "actor");
            }
        }

        foreach (var (organization, index) in Array(root, "organizations").Select((o, i) => (o, i)))
        {
            Organization(organization, fileName, result, ids, known, roster, memberships, $"organizations[{index}]");
        }

        foreach (var (person, index) in Array(root, "persons").Select((p, i) => (p, i)))
        {
            var id = Actor(person, "person", ids, known, roster, result, fileName);
            result.People++;
            foreach (var (membership, inner) in Array(person, "memberships").Select((m, i) => (m, i)))
            {
                memberships.Add((membership, id, null, $"persons[{index}].memberships[{inner}]"));
            }
        }

        foreach (var (membership, index) in Array(root, "memberships").Select((m, i) => (m, i)))
        {
            memberships.Add((membership, null, null, $"memberships[{index}]"));
        }

        var ordinal = 0;
        foreach (var (membership, person, organization, where) in memberships)
        {
            if (membership.TryGetProperty("organization", out var embedded) && embedded.ValueKind == JsonValueKind.Object)
            {
                Organization(embedded, fileName, result, ids, known, roster, memberships: null, where + ".organization");
            }

            var personId = person ?? Lookup(known, String(membership, "person_id"));
            var organizationId = organization ?? Lookup(known, String(membership, "organization_id") ?? (embedded.ValueKind == JsonValueKind.Object ? String(embedded, "id") : null));
            if (personId is null || organizationId is null)
            {
                result.Losses.Add(new ImportLoss(fileName, 0, 0, $"{where}: a membership that names no known person or organization; left out"));
                continue;
            }

            ordinal++;
            var text = new StringBuilder("membership ");
            if (String(membership, "id") is { } membershipKey)
            {
                text.Append(StatementText.Identifier(membershipKey, ids, "membership")).Append(' ');
            }

            text.Append("{ person: ").Append(personId).Append("  org: ").Append(organizationId);
            if ((String(membership, "role") ?? String(membership, "label")) is { Length: > 0 } role)
            {
                text.Append("  role: ").Append(StatementText.String(role));
            }

            if (Date(membership, "start_date", result, fileName, where) is { } from)
            {
                text.Append("  from: ").Append(from);
            }

            if (Date(membership, "end_date", result, fileName, where) is { } until)
            {
                text.Append("  until: ").Append(until);
            }
            roster["~membership " + ordinal.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)] = text.Append(" }\n").ToString();
            result.Memberships++;
        }

        var speechesByEvent = Array(root, "speeches").GroupBy(s => String(s, "event_id") ?? string.Empty).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var events = Array(root, "events").ToList();
        foreach (var occasion in events)
        {
            var eventId = String(occasion, "id") ?? string.Empty;
            Event(occasion, speechesByEvent.GetValueOrDefault(eventId) ?? [], fileName, result, ids, known);
            speechesByEvent.Remove(eventId);
        }

        foreach (var (eventId, speeches) in speechesByEvent.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result.Losses.Add(new ImportLoss(fileName, 0, 0, $"speeches: {speeches.Count} of event '{eventId}', which the file does not describe, kept in a meeting of that name without a date"));
            using var stub = JsonDocument.Parse("{\"id\":" + JsonSerializer.Serialize(eventId.Length == 0 ? "speeches" : eventId) + "}");
            Event(stub.RootElement, speeches, fileName, result, ids, known);
        }
    }

    private static void Organization(JsonElement organization, string fileName, ImportResult result, HashSet<string> ids, Dictionary<string, string> known,
        SortedDictionary<string, string> roster, List<(JsonElement, string?, string?, string)>? memberships, string path)
    {
        if ((String(organization, "id") ?? String(organization, "name")) is { } key && roster.ContainsKey("org " + known.GetValueOrDefault(key)))
        {
            return;
        }

        var id = Actor(organization, "org", ids, known, roster, result, fileName);
        result.Organizations++;
        foreach (var (membership, index) in Array(organization, "memberships").Select((m, i) => (m, i)))
        {
            memberships?.Add((membership, null, id, $"{path}.memberships[{index}]"));
        }
    }

    /// <summary>A person or an organization: its id from the input's id, else its name; every name and other name kept.</summary>
    private static string Actor(JsonElement actor, string kind, HashSet<string> ids, Dictionary<string, string> known, SortedDictionary<string, string> roster, ImportResult result, string fileName)
    {
        var name = String(actor, "name");
        var key = String(actor, "id") ?? name ?? kind;
        if (!known.TryGetValue(key, out var id))
        {
            known[key] = id = StatementText.Identifier(key, ids, kind);
        }

        var text = new StringBuilder(kind).Append(' ').Append(id).Append(" {\n  name: ").Append(StatementText.String(name ?? key)).Append('\n');
        var tagged = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var other in Array(actor, "other_names"))
        {
            var otherName = String(other, "name");
            if (otherName is null)
            {
                continue;
            }

            var language = String(other, "lang") ?? String(other, "language");
            if (language is not null && StatementText.IsLanguageTag(language) && tagged.Add(language))
            {
                text.Append("  name@").Append(language).Append(": ").Append(StatementText.String(otherName)).Append('\n');
            }
            else if (kind == "person")
            {
                text.Append("  alias: ").Append(StatementText.String(otherName)).Append('\n');
            }
            else
            {
                result.Losses.Add(new ImportLoss(fileName, 0, 0, $"organization '{key}': other name '{otherName}' has no language, and organizations have no aliases; left out"));
            }
        }

        if (kind == "org" && String(actor, "classification") is { } classification
            && classification.ToLowerInvariant() is "state" or "body" or "delegation" or "party" or "media" or "ngo" or "other")
        {
            text.Append("  kind: ").Append(classification.ToLowerInvariant()).Append('\n');
        }

        if (kind == "org" && String(actor, "parent_id") is { } parent && known.TryGetValue(parent, out var parentId))
        {
            text.Append("  parent: ").Append(parentId).Append('\n');
        }

        foreach (var identifier in Array(actor, "identifiers"))
        {
            if (kind == "person" && String(identifier, "scheme") is "wikidata" && String(identifier, "identifier") is { } wikidata)
            {
                text.Append("  wikidata: ").Append(StatementText.String(wikidata)).Append('\n');
            }
        }

        roster[kind + " " + id] = text.Append("}\n").ToString();
        return id;
    }

    private static void Event(JsonElement occasion, List<JsonElement> speeches, string fileName, ImportResult result, HashSet<string> ids, Dictionary<string, string> known)
    {
        var key = String(occasion, "id") ?? String(occasion, "name") ?? "event";
        var statement = String(occasion, "classification") == "statement";
        var id = StatementText.Identifier(statement && key.StartsWith("statement-", StringComparison.Ordinal) ? key["statement-".Length..] : key, ids, "event");
        var text = new StringBuilder("// Imported from ").Append(fileName).Append(" (Popolo) by stmt import.\n\n")
            .Append("transcript ").Append(StatementText.Identifier(id + "_record", ids, "record")).Append(" { source: ").Append(StatementText.String(fileName + " (Popolo)")).Append(" }\n\n");
        if (statement)
        {
            // A statement's occasion: its passages become one statement.
            text.Append("statement ").Append(id).Append(" {\n");
            Utterance(speeches, known, text, "  ");
            if (Date(occasion, "start_date", result, fileName, "events." + key) is { } said)
            {
                text.Append("  date: ").Append(said).Append('\n');
            }

            text.Append("}\n");
            result.Files[id + ".stmt"] = text.ToString();
            result.Speeches++;
            return;
        }

        text.Append("meeting ").Append(id).Append(" {\n");
        if (String(occasion, "name") is { Length: > 0 } name && name != key)
        {
            text.Append("  title: ").Append(StatementText.String(name)).Append('\n');
        }

        if (Date(occasion, "start_date", result, fileName, "events." + key) is { } held)
        {
            text.Append("  date: ").Append(held).Append('\n');
        }

        if (Lookup(known, String(occasion, "organization_id")) is { } body)
        {
            text.Append("  body: ").Append(body).Append('\n');
        }

        // Consecutive passages by the same creator and label are one speech, as the export wrote them.
        var ordinal = 0;
        foreach (var run in Runs(speeches))
        {
            ordinal++;
            var speechKey = String(run[0], "id") is { } first ? Stem(first) : "speech_" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append("\n  speech ").Append(StatementText.Identifier(speechKey, ids, "speech")).Append(" {\n");
            Utterance(run, known, text, "    ");
            text.Append("  }\n");
            result.Speeches++;
        }

        text.Append("}\n");
        result.Meetings++;
        result.Files[id + ".stmt"] = text.ToString();
    }

    private static IEnumerable<List<JsonElement>> Runs(List<JsonElement> speeches)
    {
        var ordered = speeches.OrderBy(s => s.TryGetProperty("position", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : int.MaxValue).ToList();
        var run = new List<JsonElement>();
        foreach (var speech in ordered)
        {
            if (run.Count > 0 && (String(run[0], "creator_id") != String(speech, "creator_id") || String(run[0], "attribution_text") != String(speech, "attribution_text")
                || Stem(String(run[0], "id") ?? "a") != Stem(String(speech, "id") ?? "b")))
            {
                yield return run;
                run = [];
            }

            run.Add(speech);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static void Utterance(List<JsonElement> passages, Dictionary<string, string> known, StringBuilder text, string indent)
    {
        if (passages.Count == 0)
        {
            return;
        }

        var first = passages[0];
        if (Lookup(known, String(first, "creator_id")) is { } speaker)
        {
            text.Append(indent).Append("by: ").Append(speaker).Append('\n');
        }

        if (String(first, "attribution_text") is { Length: > 0 } label)
        {
            text.Append(indent).Append("as: ").Append(StatementText.String(label)).Append('\n');
        }

        if (Lookup(known, String(first, "audience_id")) is { } audience)
        {
            text.Append(indent).Append("to: ").Append(audience).Append('\n');
        }

        foreach (var passage in passages)
        {
            if (String(passage, "text") is { Length: > 0 } words)
            {
                var kind = String(passage, "type") is "paraphrase" or "note" ? String(passage, "type")! : "quote";
                text.Append(indent).Append(kind).Append(": ").Append(StatementText.String(words)).Append('\n');
            }
        }
    }

    /// <summary>A Popolo date as written: empty strings and nulls are no date; anything else unreadable is a reported loss.</summary>
    private static string? Date(JsonElement element, string property, ImportResult result, string fileName, string path)
    {
        var value = String(element, property)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var date = StatementText.Date(value);
        if (date is null)
        {
            result.Losses.Add(new ImportLoss(fileName, 0, 0, $"{path}.{property}: '{value}' is not a date; left out"));
        }

        return date;
    }

    private static string Stem(string speechId) => PassageNumber.Replace(speechId, string.Empty);

    private static string? Lookup(Dictionary<string, string> known, string? key) => key is not null && known.TryGetValue(key, out var id) ? id : null;

    private static IEnumerable<JsonElement> Array(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
