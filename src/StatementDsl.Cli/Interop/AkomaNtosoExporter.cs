using System.Globalization;
using System.Text;
using System.Xml;
using StatementDsl.Language.Semantics;

namespace StatementDsl.Cli.Interop;

/// <summary>
/// <c>stmt export --to akn</c>: one Akoma Ntoso 3.0 <c>debate</c> per meeting (docs/interop.md has the
/// mapping): the people, organizations and the posts of memberships as TLC references; speeches with
/// <c>by</c>, <c>as</c> and <c>to</c>; passages as paragraphs whose class says quote, paraphrase or note
/// (AKN's <c>quotedText</c> is for the text of amendments, not for what a speaker said);
/// walkouts and events as <c>scene</c>; votes in <c>analysis</c>; the date in the FRBR identification.
/// </summary>
internal static class AkomaNtosoExporter
{
    public const string Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        Encoding = new UTF8Encoding(false),
    };

    /// <summary>Each meeting's document, by file name (<c>ID.akn.xml</c>), in the order of the meetings.</summary>
    public static IEnumerable<(string FileName, string Xml)> Write(BoundCompilation compilation)
    {
        var index = 0;
        foreach (var meeting in compilation.Files.SelectMany(f => f.Entities).Where(e => e.Kind == DeclarationKind.Meeting))
        {
            index++;
            yield return ((meeting.Id ?? "meeting-" + index.ToString(CultureInfo.InvariantCulture)) + ".akn.xml", Debate(compilation, meeting, index));
        }
    }

    private static string Debate(BoundCompilation compilation, BoundEntity meeting, int index)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            var language = Language(meeting);
            var date = Day(meeting.EffectiveDate) ?? "0001-01-01";
            var country = (compilation.EntitiesById.GetValueOrDefault(meeting.ReferenceOf("body") ?? string.Empty) is { } body ? body.SymbolOf("country") : null)?.ToLowerInvariant() ?? "un";
            var id = meeting.Id ?? "meeting-" + index.ToString(CultureInfo.InvariantCulture);
            var work = "/akn/" + country + "/debaterecord/" + date + "/" + id;
            var expression = work + "/" + language + "@";
            xml.WriteStartElement("akomaNtoso", Namespace);
            xml.WriteStartElement("debate", Namespace);
            xml.WriteAttributeString("name", meeting.SymbolOf("kind") ?? "debate");

            xml.WriteStartElement("meta", Namespace);
            xml.WriteStartElement("identification", Namespace);
            xml.WriteAttributeString("source", "#stmt");
            Frbr(xml, "FRBRWork", work, date, "meeting", author: "#" + (meeting.ReferenceOf("body") ?? "stmt"), extra: x => Empty(x, "FRBRcountry", ("value", country)));
            Frbr(xml, "FRBRExpression", expression, date, "meeting", author: "#stmt", extra: x => Empty(x, "FRBRlanguage", ("language", language)));
            Frbr(xml, "FRBRManifestation", expression + ".xml", date, "meeting", author: "#stmt", extra: null);
            xml.WriteEndElement();

            var votes = meeting.Children.Where(c => c.Kind == DeclarationKind.Vote).ToList();
            if (votes.Count > 0)
            {
                Analysis(xml, votes);
            }

            References(xml, compilation, meeting);
            xml.WriteEndElement();

            xml.WriteStartElement("preface", Namespace);
            if (meeting.TextOf("title") is { } title)
            {
                xml.WriteStartElement("p", Namespace);
                xml.WriteElementString("docTitle", Namespace, title);
                xml.WriteEndElement();
            }

            if (meeting.EffectiveDate is { } when)
            {
                xml.WriteStartElement("p", Namespace);
                xml.WriteStartElement("docDate", Namespace);
                xml.WriteAttributeString("date", Day(when));
                xml.WriteString(when.ToString());
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();

            xml.WriteStartElement("debateBody", Namespace);
            xml.WriteStartElement("debateSection", Namespace);
            xml.WriteAttributeString("eId", "proceedings");
            xml.WriteAttributeString("name", "proceedings");
            xml.WriteElementString("heading", Namespace, meeting.TextOf("title") ?? id);
            var ordinal = 0;
            foreach (var child in meeting.Children)
            {
                ordinal++;
                switch (child.Kind)
                {
                    case DeclarationKind.Speech:
                        Speech(xml, compilation, child, ordinal);
                        break;
                    case DeclarationKind.Vote:
                        Scene(xml, "vote_" + EId(child, ordinal), "Vote on " + (child.TextOf("on") ?? "?") + (child.SymbolOf("outcome") is { } outcome ? ": " + outcome : string.Empty), child.TextOf("note"));
                        break;
                    default:
                        var kind = child.Kind == DeclarationKind.Walkout ? "walkout" : child.SymbolOf("type") ?? "event";
                        var by = child.ReferencesOf("by").Select(r => Name(compilation, r)).ToList();
                        var during = child.ReferenceOf("during");
                        Scene(xml, kind + "_" + EId(child, ordinal), kind.Replace('_', ' ') + (by.Count > 0 ? ": " + string.Join(", ", by) : string.Empty) + (during is null ? string.Empty : " (during " + during + ")"), child.TextOf("note"));
                        break;
                }
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Frbr(XmlWriter xml, string element, string uri, string date, string dateName, string author, Action<XmlWriter>? extra)
    {
        xml.WriteStartElement(element, Namespace);
        Empty(xml, "FRBRthis", ("value", uri + "/!main"));
        Empty(xml, "FRBRuri", ("value", uri));
        Empty(xml, "FRBRdate", ("date", date), ("name", dateName));
        Empty(xml, "FRBRauthor", ("href", author));
        extra?.Invoke(xml);
        xml.WriteEndElement();
    }

    private static void Analysis(XmlWriter xml, List<BoundEntity> votes)
    {
        xml.WriteStartElement("analysis", Namespace);
        xml.WriteAttributeString("source", "#stmt");
        xml.WriteStartElement("parliamentary", Namespace);
        var ordinal = 0;
        foreach (var vote in votes)
        {
            ordinal++;
            var eId = "vote_" + EId(vote, ordinal);
            xml.WriteStartElement("voting", Namespace);
            xml.WriteAttributeString("eId", eId + "_analysis");
            xml.WriteAttributeString("href", "#" + eId);
            if (vote.SymbolOf("outcome") is { } outcome)
            {
                xml.WriteAttributeString("outcome", "#" + outcome);
            }

            foreach (var side in new[] { "for", "against", "abstain" })
            {
                Empty(xml, "count", ("eId", eId + "_" + side), ("refersTo", "#" + side), ("value", vote.ReferencesOf(side).Count().ToString(CultureInfo.InvariantCulture)));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Every person and organization the meeting refers to, and the posts its speakers held, as TLC references.</summary>
    private static void References(XmlWriter xml, BoundCompilation compilation, BoundEntity meeting)
    {
        var actors = new SortedDictionary<string, BoundEntity>(StringComparer.Ordinal);
        var roles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in meeting.Children.Prepend(meeting))
        {
            foreach (var field in entity.Fields)
            {
                foreach (var id in Ids(field.Value))
                {
                    if (compilation.EntitiesById.GetValueOrDefault(id) is { Kind: DeclarationKind.Person or DeclarationKind.Org } actor)
                    {
                        actors[id] = actor;
                    }
                }
            }

            if (entity.Kind == DeclarationKind.Speech && compilation.SpeakerMembershipOf(entity) is { } post && RoleId(post) is { } role)
            {
                roles[role] = post.TextOf("role") ?? role;
            }
        }

        xml.WriteStartElement("references", Namespace);
        xml.WriteAttributeString("source", "#stmt");
        Empty(xml, "TLCOrganization", ("eId", "stmt"), ("href", "/akn/ontology/organization/stmt"), ("showAs", "StatementDsl"));
        foreach (var (id, actor) in actors.Where(a => a.Value.Kind == DeclarationKind.Org))
        {
            Empty(xml, "TLCOrganization", ("eId", id), ("href", "/akn/ontology/organization/" + id), ("showAs", Name(compilation, id)));
        }

        foreach (var (id, _) in actors.Where(a => a.Value.Kind == DeclarationKind.Person))
        {
            Empty(xml, "TLCPerson", ("eId", id), ("href", "/akn/ontology/person/" + id), ("showAs", Name(compilation, id)));
        }

        foreach (var (id, showAs) in roles)
        {
            Empty(xml, "TLCRole", ("eId", id), ("href", "/akn/ontology/role/" + id), ("showAs", showAs));
        }

        xml.WriteEndElement();
    }

    private static void Speech(XmlWriter xml, BoundCompilation compilation, BoundEntity speech, int ordinal)
    {
        xml.WriteStartElement("speech", Namespace);
        xml.WriteAttributeString("eId", "speech_" + EId(speech, ordinal));
        xml.WriteAttributeString("by", "#" + (speech.ReferenceOf("by") ?? "unknown"));
        if (compilation.SpeakerMembershipOf(speech) is { } post && RoleId(post) is { } role)
        {
            xml.WriteAttributeString("as", "#" + role);
        }

        if (speech.ReferenceOf("to") is { } to)
        {
            xml.WriteAttributeString("to", "#" + to);
        }

        if (Language(speech) is { } language)
        {
            xml.WriteAttributeString("xml", "lang", null, language);
        }

        xml.WriteElementString("from", Namespace, speech.TextOf("as") ?? (speech.ReferenceOf("by") is { } by ? Name(compilation, by) : "(speaker not recorded)"));
        var passages = speech.Fields.Where(f => f.Spec.IsContent && f.Value is TextValue).ToList();
        if (passages.Count == 0)
        {
            xml.WriteElementString("p", Namespace, string.Empty);
        }

        foreach (var passage in passages)
        {
            xml.WriteStartElement("p", Namespace);
            xml.WriteAttributeString("class", passage.Name);
            if (passage.Language is { } tag)
            {
                xml.WriteAttributeString("xml", "lang", null, tag);
            }

            xml.WriteString(((TextValue)passage.Value).Text);

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Scene(XmlWriter xml, string eId, string text, string? note)
    {
        xml.WriteStartElement("scene", Namespace);
        xml.WriteAttributeString("eId", eId);
        xml.WriteString(note is null ? text : text + ". " + note);
        xml.WriteEndElement();
    }

    private static void Empty(XmlWriter xml, string element, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(element, Namespace);
        foreach (var (name, value) in attributes)
        {
            xml.WriteAttributeString(name, value);
        }

        xml.WriteEndElement();
    }

    /// <summary>The post of a membership as a TLCRole id: its own id, else the org and the post.</summary>
    private static string? RoleId(BoundEntity membership) =>
        membership.Id ?? (membership.ReferenceOf("org") is { } org ? "role_" + org + "_" + (membership.Field("from")?.Value is DateValue from ? from.Date.ToString().Replace(':', '-') : "any") : null);

    private static string EId(BoundEntity entity, int ordinal) => entity.Id ?? ordinal.ToString(CultureInfo.InvariantCulture);

    private static string? Day(Language.Syntax.DateLiteral? date) =>
        date is null ? null : string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-{date.Month ?? 1:00}-{date.Day ?? 1:00}");

    private static string Language(BoundEntity entity) =>
        entity.SymbolOf("language") ?? entity.TranscriptLanguageOf() ?? "und";

    private static string Name(BoundCompilation compilation, string id) =>
        compilation.EntitiesById.GetValueOrDefault(id)?.Field("name")?.Value is TextValue name ? name.Text : id;

    private static IEnumerable<string> Ids(BoundValue? value) => value switch
    {
        ReferenceValue reference => [reference.Id],
        ListValue list => list.Items.OfType<ReferenceValue>().Select(r => r.Id),
        _ => [],
    };
}
