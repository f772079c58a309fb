using System.Text.Encodings.Web;
using System.Text.Json;
using StatementDsl.Language.Semantics;

namespace StatementDsl.Cli.Interop;

/// <summary>
/// <c>stmt export --to popolo</c>: one JSON document of Popolo objects (docs/interop.md): <c>persons</c>,
/// <c>organizations</c>, <c>memberships</c>, <c>events</c> (a meeting, or a statement's occasion) and
/// <c>speeches</c> (one per passage, in order, typed quote, paraphrase or note), each valid against the
/// Popolo schemas. Names in other scripts are <c>other_names</c> with a <c>lang</c>.
/// </summary>
internal static class PopoloExporter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(BoundCompilation compilation, Stream stream)
    {
        var entities = compilation.Files.SelectMany(f => f.Entities).ToList();
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();

        json.WriteStartArray("persons");
        foreach (var person in entities.Where(e => e.Kind == DeclarationKind.Person))
        {
            json.WriteStartObject();
            json.WriteString("id", person.Id);
            Names(json, person);
            if (person.SymbolOf("wikidata") is { } wikidata)
            {
                json.WriteStartArray("identifiers");
                json.WriteStartObject();
                json.WriteString("scheme", "wikidata");
                json.WriteString("identifier", wikidata);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("organizations");
        foreach (var org in entities.Where(e => e.Kind == DeclarationKind.Org))
        {
            json.WriteStartObject();
            json.WriteString("id", org.Id);
            Names(json, org);
            if (org.SymbolOf("kind") is { } kind)
            {
                json.WriteString("classification", kind);
            }

            if (org.ReferenceOf("parent") is { } parent)
            {
                json.WriteString("parent_id", parent);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("memberships");
        var membershipOrdinal = 0;
        foreach (var membership in entities.Where(e => e.Kind == DeclarationKind.Membership))
        {
            membershipOrdinal++;
            json.WriteStartObject();
            json.WriteString("id", membership.Id ?? "membership-" + membershipOrdinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("person_id", membership.ReferenceOf("person"));
            json.WriteString("organization_id", membership.ReferenceOf("org"));
            if (membership.TextOf("role") is { } role)
            {
                json.WriteString("role", role);
            }

            DateField(json, "start_date", membership.Field("from"));
            DateField(json, "end_date", membership.Field("until"));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var utterances = new List<(BoundEntity Utterance, string EventId)>();
        json.WriteStartArray("events");
        foreach (var occasion in entities.Where(e => e.Kind is DeclarationKind.Meeting or DeclarationKind.Statement))
        {
            var eventId = (occasion.Kind == DeclarationKind.Meeting ? string.Empty : "statement-") + (occasion.Id ?? "event-" + utterances.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject();
            json.WriteString("id", eventId);
            json.WriteString("name", occasion.TextOf("title") ?? occasion.Id ?? eventId);
            json.WriteString("classification", occasion.Kind == DeclarationKind.Meeting ? "meeting" : "statement");
            DateField(json, "start_date", occasion.Field("date"));
            if (occasion.ReferenceOf("body") is { } body)
            {
                json.WriteString("organization_id", body);
            }

            json.WriteEndObject();
            utterances.AddRange(occasion.Kind == DeclarationKind.Meeting
                ? occasion.Children.Where(c => c.Kind == DeclarationKind.Speech).Select(s => (s, eventId))
                : [(occasion, eventId)]);
        }

        json.WriteEndArray();

        json.WriteStartArray("speeches");
        var position = 0;
        string? currentEvent = null;
        foreach (var (utterance, eventId) in utterances)
        {
            // Popolo's position is the place within the event's transcript.
            position = eventId == currentEvent ? position : 0;
            currentEvent = eventId;
            var passageOrdinal = 0;
            foreach (var passage in utterance.Fields.Where(f => f.Spec.IsContent && f.Value is TextValue))
            {
                passageOrdinal++;
                position++;
                json.WriteStartObject();
                json.WriteString("id", (utterance.Id ?? "utterance") + "-" + passageOrdinal.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (utterance.ReferenceOf("by") is { } speaker)
                {
                    json.WriteString("creator_id", speaker);
                }

                if (compilation.SpeakerMembershipOf(utterance) is { } post && post.TextOf("role") is { } role)
                {
                    json.WriteString("role", role);
                }

                if (utterance.TextOf("as") is { } label)
                {
                    json.WriteString("attribution_text", label);
                }

                if (utterance.ReferenceOf("to") is { } audience)
                {
                    json.WriteString("audience_id", audience);
                }

                json.WriteString("text", ((TextValue)passage.Value).Text);
                json.WriteString("type", passage.Name);
                json.WriteNumber("position", position);
                json.WriteString("event_id", eventId);
                if (utterance.Field("date")?.Value is DateValue { Date: { Time: { OffsetMinutes: { } offset } time } day })
                {
                    // Popolo's speech date is an RFC 3339 date-time: seconds and an offset, which only an instant has.
                    var sign = offset < 0 ? '-' : '+';
                    json.WriteString("date", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{day.Year:0000}-{day.Month:00}-{day.Day:00}T{time.Hour:00}:{time.Minute:00}:{time.Second ?? 0:00}{(offset == 0 ? "Z" : $"{sign}{Math.Abs(offset) / 60:00}:{Math.Abs(offset) % 60:00}")}"));
                }

                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The untagged (else first) name as <c>name</c>; every other name and alias in <c>other_names</c>, its tag as <c>lang</c>.</summary>
    private static void Names(Utf8JsonWriter json, BoundEntity actor)
    {
        var names = actor.FieldsNamed("name").ToList();
        var preferred = Math.Max(0, names.FindIndex(n => n.Language is null));
        json.WriteString("name", preferred < names.Count && names[preferred].Value is TextValue text ? text.Text : actor.Id);
        var others = names.Where((_, i) => i != preferred).Concat(actor.FieldsNamed("alias")).ToList();
        if (others.Count == 0)
        {
            return;
        }

        json.WriteStartArray("other_names");
        foreach (var other in others)
        {
            json.WriteStartObject();
            json.WriteString("name", ((TextValue)other.Value).Text);
            if (other.Language is { } language)
            {
                json.WriteString("lang", language);
            }

            if (other.Name == "alias")
            {
                json.WriteString("note", "alias");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>A date as Popolo writes it: YYYY, YYYY-MM or YYYY-MM-DD, or a full date-time with its offset.</summary>
    private static void DateField(Utf8JsonWriter json, string name, BoundField? field)
    {
        if (field?.Value is DateValue date)
        {
            json.WriteString(name, date.Date.ToString());
        }
    }

}
