using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using StatementDsl.Language.Semantics;
using static StatementDsl.Cli.HtmlText;

namespace StatementDsl.Cli;

/// <summary>
/// The bound model as a static website (<c>stmt render --to html</c>, docs/render.md): an index, a page per
/// meeting, person, organization and statement outside a meeting, a search page with its index, one
/// stylesheet and one small script. Pages link to each other by relative URLs derived from ids, so the
/// site works from a folder, offline, and the same input gives the same bytes.
/// </summary>
internal sealed class HtmlSite
{
    private readonly BoundCompilation compilation;
    private readonly string siteTitle;
    private readonly Dictionary<BoundEntity, string> pageOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<BoundEntity, string> anchorOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<BoundEntity, string> urlOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<BoundEntity>> saidBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<BoundEntity>> membersOf = new(StringComparer.Ordinal);
    private readonly List<BoundEntity> meetings;
    private readonly List<BoundEntity> people;
    private readonly List<BoundEntity> organizations;
    private readonly List<BoundEntity> statements;
    /// <summary>Where each page goes as soon as it is made, so that rendering holds one page at a time, not the site.</summary>
    private readonly Action<string, string> write;

    private HtmlSite(BoundCompilation compilation, string siteTitle, Action<string, string> write)
    {
        this.write = write;
        this.compilation = compilation;
        this.siteTitle = siteTitle;
        var entities = compilation.Files.SelectMany(f => f.Entities).ToList();
        meetings = entities.Where(e => e.Kind == DeclarationKind.Meeting).OrderBy(e => e.Field("date")?.Value is DateValue d ? d.Date : null).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        people = entities.Where(e => e.Kind == DeclarationKind.Person).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        organizations = entities.Where(e => e.Kind == DeclarationKind.Org).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        statements = entities.Where(e => e.Kind == DeclarationKind.Statement).OrderBy(e => e.EffectiveDate).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        AssignPages("meetings", meetings);
        AssignPages("people", people);
        AssignPages("organizations", organizations);
        AssignPages("statements", statements);
        foreach (var meeting in meetings)
        {
            for (var i = 0; i < meeting.Children.Count; i++)
            {
                var child = meeting.Children[i];
                anchorOf[child] = DeclarationKinds.Keyword(child.Kind) + "-" + (child.Id ?? (i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        foreach (var membership in entities.Where(e => e.Kind == DeclarationKind.Membership))
        {
            if (membership.Field("org")?.Value is ReferenceValue org)
            {
                if (!membersOf.TryGetValue(org.Id, out var members))
                {
                    membersOf.Add(org.Id, members = []);
                }

                members.Add(membership);
            }
        }

        foreach (var utterance in entities.Where(e => e.Kind is DeclarationKind.Speech or DeclarationKind.Statement))
        {
            if (utterance.Field("by")?.Value is ReferenceValue speaker)
            {
                if (!saidBy.TryGetValue(speaker.Id, out var list))
                {
                    saidBy.Add(speaker.Id, list = []);
                }

                list.Add(utterance);
            }
        }
    }

    /// <summary>Writes every file of the site through <paramref name="write"/> (its path relative to the site's folder, and its text); returns the number of pages.</summary>
    public static int Render(BoundCompilation compilation, string siteTitle, Action<string, string> write, CancellationToken cancellationToken = default)
    {
        var pages = 0;
        void Page(string path, string text)
        {
            pages += path.EndsWith(".html", StringComparison.Ordinal) ? 1 : 0;
            write(path, text);
        }

        var site = new HtmlSite(compilation, siteTitle, Page);
        Page("site.css", Asset("site.css"));
        Page("site.js", Asset("site.js"));
        Page("index.html", site.Index());
        Page("search.html", site.SearchPage());
        Page("search-index.js", site.SearchIndex());
        foreach (var (entity, path) in site.pageOf)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Page(path, entity.Kind switch
            {
                DeclarationKind.Meeting => site.MeetingPage(entity),
                DeclarationKind.Person => site.ActorPage(entity),
                DeclarationKind.Org => site.ActorPage(entity),
                _ => site.StatementPage(entity),
            });
        }

        return pages;
    }

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlSite).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// A page per entity, named by its id; ids that differ only in case get a numbered name after the
    /// first, so the site also works on file systems that ignore case. An entity without an id is named
    /// by its kind and place.
    /// </summary>
    private void AssignPages(string folder, List<BoundEntity> entities)
    {
        var taken = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entities.Count; i++)
        {
            var name = entities[i].Id ?? DeclarationKinds.Keyword(entities[i].Kind) + "-" + (i + 1).ToString(CultureInfo.InvariantCulture);
            taken[name] = taken.TryGetValue(name, out var seen) ? seen + 1 : 1;
            var file = taken[name] == 1 ? name : name + "-" + taken[name].ToString(CultureInfo.InvariantCulture);
            pageOf[entities[i]] = folder + "/" + file + ".html";
        }
    }

    /// <summary>Rows per page of a list (meetings, people, …) and utterances per page of a person or organization: no page grows with the archive.</summary>
    private const int ListPageSize = 200;
    private const int SaidPageSize = 50;

    /// <summary>One list of the index: its rows, each rendered for a page at a given depth.</summary>
    private sealed record Listing(string Id, string Heading, string? TableHead, IReadOnlyList<Func<string, string>> Rows)
    {
        public int PageCount => Math.Max(1, (Rows.Count + ListPageSize - 1) / ListPageSize);
    }

    private List<Listing> Listings() =>
    [
        new("meetings", "Meetings", "<tr><th scope=\"col\">Date</th><th scope=\"col\">Meeting</th><th scope=\"col\">Body</th><th scope=\"col\">Speeches</th></tr>",
            meetings.Select(m => (Func<string, string>)(root => "<tr><td>" + Date(m.Field("date")) + "</td><td>" + Link(m, root) + "</td><td>"
                + Reference(m.Field("body")?.Value, root) + "</td><td>" + m.Children.Count(c => c.Kind == DeclarationKind.Speech).ToString(CultureInfo.InvariantCulture) + "</td></tr>")).ToList()),
        new("people", "People", null, people.Select(p => (Func<string, string>)(root => ActorRow(p, root))).ToList()),
        new("organizations", "Organizations", null, organizations.Select(o => (Func<string, string>)(root => ActorRow(o, root))).ToList()),
        new("statements", "Statements outside meetings", "<tr><th scope=\"col\">Date</th><th scope=\"col\">Statement</th><th scope=\"col\">By</th><th scope=\"col\">Channel</th></tr>",
            statements.Select(s => (Func<string, string>)(root => "<tr><td>" + Date(s.Field("date")) + "</td><td>" + Link(s, root) + "</td><td>"
                + Reference(s.Field("by")?.Value, root) + "</td><td>" + Escape(s.SymbolOf("via")) + "</td></tr>")).ToList()),
    ];

    /// <summary>The index, with the first page of each list; the further pages of a long list are <c>lists/ID-N.html</c>.</summary>
    private string Index()
    {
        var page = new StringBuilder();
        var speeches = meetings.Sum(m => m.Children.Count(c => c.Kind == DeclarationKind.Speech));
        page.Append("<h1>").Append(Escape(siteTitle)).Append("</h1>\n<p>")
            .Append(Count(meetings.Count, "meeting")).Append(", ").Append(Count(speeches, "speech")).Append(", ")
            .Append(Count(statements.Count, "statement")).Append(" outside meetings, ")
            .Append(Count(people.Count, "person", "people")).Append(", ").Append(Count(organizations.Count, "organization")).Append(".</p>\n");
        foreach (var listing in Listings())
        {
            ListSection(page, listing, 0, string.Empty);
            for (var index = 1; index < listing.PageCount; index++)
            {
                var more = new StringBuilder();
                ListSection(more, listing, index, "../");
                write(ListPath(listing.Id, index), Layout(listing.Heading + ", page " + (index + 1).ToString(CultureInfo.InvariantCulture), "../", null, more.ToString()));
            }
        }

        return Layout(siteTitle, string.Empty, null, page.ToString());
    }

    private static string ListPath(string id, int index) => "lists/" + id + "-" + (index + 1).ToString(CultureInfo.InvariantCulture) + ".html";

    private static void ListSection(StringBuilder page, Listing listing, int index, string root)
    {
        var first = index * ListPageSize;
        var last = Math.Min(listing.Rows.Count, first + ListPageSize);
        page.Append("<section id=\"").Append(listing.Id).Append("\" aria-labelledby=\"").Append(listing.Id).Append("-heading\">\n<h2 id=\"").Append(listing.Id).Append("-heading\">")
            .Append(listing.Heading).Append(" (").Append(listing.Rows.Count).Append(")</h2>\n");
        if (listing.PageCount > 1)
        {
            page.Append("<p class=\"meta\">").Append(first + 1).Append("–").Append(last).Append(" of ").Append(listing.Rows.Count).Append("</p>\n");
        }

        page.Append(listing.TableHead is null ? "<ul>\n" : "<table>\n<thead>" + listing.TableHead + "</thead>\n<tbody>\n");
        for (var row = first; row < last; row++)
        {
            page.Append(listing.Rows[row](root)).Append('\n');
        }

        page.Append(listing.TableHead is null ? "</ul>\n" : "</tbody>\n</table>\n");
        Pager(page, listing.Heading, index, listing.PageCount, i => i == 0 ? root + "index.html#" + listing.Id : root + ListPath(listing.Id, i));
        page.Append("</section>\n");
    }

    /// <summary>Links to every page of a paged list, the current one marked.</summary>
    private static void Pager(StringBuilder page, string heading, int current, int pageCount, Func<int, string> url)
    {
        if (pageCount <= 1)
        {
            return;
        }

        page.Append("<nav class=\"pager\" aria-label=\"Pages of ").Append(Escape(heading)).Append("\">\n<ul>\n");
        for (var i = 0; i < pageCount; i++)
        {
            page.Append("<li><a href=\"").Append(url(i)).Append('"').Append(i == current ? " aria-current=\"page\"" : string.Empty).Append('>')
                .Append(i + 1).Append("</a></li>\n");
        }

        page.Append("</ul>\n</nav>\n");
    }

    private string ActorRow(BoundEntity actor, string root)
    {
        var said = saidBy.TryGetValue(actor.Id ?? string.Empty, out var list) ? list.Count : 0;
        var row = new StringBuilder("<li>").Append(Link(actor, root));
        if (EnglishName(actor) is { } english && english != PreferredName(actor).Text)
        {
            row.Append(" · ").Append(Isolate(english, "en"));
        }

        return row.Append(said > 0 ? " <span class=\"meta\">(" + Count(said, "utterance") + ")</span>" : string.Empty).Append("</li>").ToString();
    }

    private string MeetingPage(BoundEntity meeting)
    {
        const string root = "../";
        var language = meeting.TranscriptLanguageOf();
        var page = new StringBuilder();
        page.Append("<article").Append(language is null ? string.Empty : Attributes(language)).Append(">\n");
        page.Append("<h1").Append(TextAttributes(meeting.Field("title"), language)).Append('>').Append(Escape(Title(meeting))).Append("</h1>\n");
        page.Append("<dl class=\"facts\">\n");
        Fact(page, "Body", Reference(meeting.Field("body")?.Value, root));
        Fact(page, "Date", Date(meeting.Field("date")));
        var start = Value(meeting.Field("start"));
        var end = Value(meeting.Field("end"));
        Fact(page, "Time", start is null && end is null ? null : Escape((start ?? "…") + " – " + (end ?? "…")) + (meeting.SymbolOf("timezone") is { } zone ? " (" + Escape(zone) + ")" : string.Empty));
        Fact(page, "Kind", Escape(meeting.SymbolOf("kind")?.Replace('_', ' ')));
        Fact(page, "Number", Escape(Value(meeting.Field("number"))));
        Fact(page, "Place", meeting.Field("place") is { Value: TextValue place } placeField ? Isolate(place.Text, placeField.Language ?? language) : null);
        Fact(page, "Chair", Reference(meeting.Field("chair")?.Value, root));
        Fact(page, "Convened by", References(meeting.Field("convened_by")?.Value, root));
        Fact(page, "Record", Escape(Value(meeting.Field("record"))));
        if (meeting.Field("agenda")?.Value is ListValue { Items.Count: > 0 } agenda)
        {
            Fact(page, "Agenda", "<ul class=\"plain\">" + string.Concat(agenda.Items.OfType<TextValue>().Select(item => "<li>" + Isolate(item.Text, language) + "</li>")) + "</ul>");
        }

        Fact(page, "Source", meeting.File.Transcript is { } transcript ? Isolate(transcript.TextOf("source") ?? transcript.TextOf("title"), TextLanguage(transcript, "source") ?? language) : null);
        page.Append("</dl>\n<h2 lang=\"en\" dir=\"ltr\">Proceedings</h2>\n");
        var shownWithSpeech = meeting.Children.Where(c => c.Kind is DeclarationKind.Walkout or DeclarationKind.Event && c.Field("during")?.Value is ReferenceValue).ToList();
        foreach (var child in meeting.Children)
        {
            switch (child.Kind)
            {
                case DeclarationKind.Speech:
                    Speech(page, meeting, child, shownWithSpeech, language, root);
                    break;
                case DeclarationKind.Vote:
                    Vote(page, child, language, root);
                    break;
                default:
                    if (!shownWithSpeech.Contains(child))
                    {
                        Event(page, child, language, root);
                    }

                    break;
            }
        }

        page.Append("</article>\n");
        return Layout(Title(meeting), root, language, page.ToString());
    }

    private void Speech(StringBuilder page, BoundEntity meeting, BoundEntity speech, List<BoundEntity> eventsDuring, string? pageLanguage, string root)
    {
        page.Append("<article class=\"speech\" id=\"").Append(Escape(anchorOf[speech])).Append("\">\n<h3>")
            .Append(Speaker(speech, root));
        if (speech.Field("as") is { Value: TextValue label } labelField)
        {
            page.Append(" — ").Append(Isolate(label.Text, labelField.Language ?? pageLanguage));
        }

        page.Append("</h3>\n");
        UtteranceFacts(page, speech, root);
        Passages(page, speech, pageLanguage);
        foreach (var during in eventsDuring.Where(e => e.Field("during")?.Value is ReferenceValue target && ReferenceEquals(compilation.EntitiesById.GetValueOrDefault(target.Id), speech)))
        {
            Event(page, during, pageLanguage, root);
        }

        page.Append("</article>\n");
    }

    /// <summary>The line under a speaker: the post held that day, on whose behalf, to whom, how, in which language.</summary>
    private void UtteranceFacts(StringBuilder page, BoundEntity utterance, string root)
    {
        var facts = new List<string>();
        if (compilation.SpeakerMembershipOf(utterance) is { } post)
        {
            facts.Add("post that day: " + (post.Field("role") is { Value: TextValue role } roleField ? Isolate(role.Text, roleField.Language) : "member")
                + ", " + Reference(post.Field("org")?.Value, root)
                + " (" + Escape(Value(post.Field("from")) ?? "…") + " – " + Escape(Value(post.Field("until")) ?? "…") + ")");
        }

        if (utterance.Field("on_behalf_of")?.Value is { } onBehalfOf)
        {
            facts.Add("on behalf of " + Reference(onBehalfOf, root));
        }

        if (utterance.Field("to")?.Value is { } to)
        {
            facts.Add("to " + Reference(to, root));
        }

        if (utterance.SymbolOf("via") is { } via)
        {
            facts.Add("via " + Escape(via.Replace('_', ' ')));
        }

        if (utterance.SymbolOf("language") is { } spoken)
        {
            facts.Add("in " + Escape(spoken));
        }

        if (facts.Count > 0)
        {
            page.Append("<p class=\"meta\" lang=\"en\" dir=\"ltr\">").Append(string.Join(" · ", facts)).Append("</p>\n");
        }
    }

    /// <summary>Quotes as block quotes, paraphrases and notes as labelled paragraphs, each with its language and direction.</summary>
    private void Passages(StringBuilder page, BoundEntity utterance, string? pageLanguage)
    {
        var quotes = compilation.QuotesOf(utterance.File);
        foreach (var passage in utterance.Fields.Where(f => f.Spec.IsContent && f.Value is TextValue))
        {
            var text = ((TextValue)passage.Value).Text;
            var language = passage.Language ?? utterance.SymbolOf("language") ?? utterance.TranscriptLanguageOf() ?? pageLanguage;
            var body = Escape(text).Replace("\n", "<br>\n", StringComparison.Ordinal);
            switch (passage.Name)
            {
                case "quote":
                    page.Append("<blockquote class=\"quote\"").Append(Attributes(language)).Append("><p><span class=\"kind\" lang=\"en\" dir=\"ltr\">Quote</span> ")
                        .Append(body).Append("</p>");
                    if (quotes.DocumentPath is { } document && quotes.Matches.TryGetValue(passage.ValueSpan.Start, out var found))
                    {
                        page.Append("<p class=\"meta\" lang=\"en\" dir=\"ltr\">Found in <cite>").Append(Escape(document)).Append("</cite>, line ")
                            .Append(found.Position.Line).Append(", column ").Append(found.Position.Column).Append("</p>");
                    }

                    page.Append("</blockquote>\n");
                    break;
                case "paraphrase":
                    page.Append("<p class=\"paraphrase\"").Append(Attributes(language)).Append("><span class=\"kind\" lang=\"en\" dir=\"ltr\">Reported</span> ").Append(body).Append("</p>\n");
                    break;
                default:
                    page.Append("<p class=\"note\"").Append(Attributes(language)).Append("><span class=\"kind\" lang=\"en\" dir=\"ltr\">Editor’s note</span> ").Append(body).Append("</p>\n");
                    break;
            }
        }
    }

    private void Event(StringBuilder page, BoundEntity incident, string? language, string root)
    {
        var kind = incident.Kind == DeclarationKind.Walkout ? "Walkout" : Escape(incident.SymbolOf("type")?.Replace('_', ' ') ?? "event");
        page.Append("<section class=\"event\" id=\"").Append(Escape(anchorOf[incident])).Append("\">\n<p lang=\"en\" dir=\"ltr\"><span class=\"kind\">")
            .Append(kind).Append("</span>");
        if (incident.Field("by")?.Value is { } by)
        {
            page.Append(" by ").Append(References(by, root));
        }

        if (incident.Field("during")?.Value is ReferenceValue during)
        {
            page.Append(" during the speech of ").Append(compilation.EntitiesById.GetValueOrDefault(during.Id) is { } speech ? Speaker(speech, root) : Escape(during.Id));
        }

        if (Value(incident.Field("time")) is { } time)
        {
            page.Append(" at ").Append(Escape(time));
        }

        page.Append("</p>\n");
        if (incident.Field("note") is { Value: TextValue note } noteField)
        {
            page.Append("<p").Append(Attributes(noteField.Language ?? language)).Append('>').Append(Escape(note.Text).Replace("\n", "<br>\n", StringComparison.Ordinal)).Append("</p>\n");
        }

        page.Append("</section>\n");
    }

    private void Vote(StringBuilder page, BoundEntity vote, string? language, string root)
    {
        page.Append("<section class=\"event vote\" id=\"").Append(Escape(anchorOf[vote])).Append("\">\n<h3><span class=\"kind\" lang=\"en\" dir=\"ltr\">Vote</span> ")
            .Append(vote.Field("on") is { Value: TextValue on } onField ? Isolate(on.Text, onField.Language ?? language) : string.Empty).Append("</h3>\n");
        page.Append("<table lang=\"en\" dir=\"ltr\">\n<tbody>\n");
        foreach (var (field, label) in new[] { ("for", "For"), ("against", "Against"), ("abstain", "Abstaining") })
        {
            var voters = vote.Field(field)?.Value as ListValue;
            page.Append("<tr><th scope=\"row\">").Append(label).Append("</th><td>").Append(voters?.Items.Count ?? 0).Append("</td><td>")
                .Append(References(voters, root)).Append("</td></tr>\n");
        }

        if (vote.SymbolOf("outcome") is { } outcome)
        {
            page.Append("<tr><th scope=\"row\">Outcome</th><td colspan=\"2\">").Append(Escape(outcome)).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n");
        if (vote.Field("note") is { Value: TextValue note } noteField)
        {
            page.Append("<p").Append(Attributes(noteField.Language ?? language)).Append('>').Append(Escape(note.Text)).Append("</p>\n");
        }

        page.Append("</section>\n");
    }

    /// <summary>A person's or organization's page: names in every script, memberships over time, and everything said, newest first.</summary>
    private string ActorPage(BoundEntity actor)
    {
        const string root = "../";
        var (name, nameLanguage) = PreferredName(actor);
        var page = new StringBuilder();
        page.Append("<h1").Append(Attributes(nameLanguage)).Append('>').Append(Escape(name)).Append("</h1>\n");
        page.Append("<h2>Names</h2>\n<ul>\n");
        foreach (var field in actor.FieldsNamed("name").Concat(actor.FieldsNamed("alias")))
        {
            page.Append("<li><span").Append(Attributes(field.Language)).Append('>').Append(Escape(((TextValue)field.Value).Text)).Append("</span>")
                .Append(field.Name == "alias" ? " <span class=\"meta\">(alias)</span>" : string.Empty)
                .Append(field.Language is { } tag ? " <span class=\"meta\">" + Escape(tag) + "</span>" : string.Empty).Append("</li>\n");
        }

        page.Append("</ul>\n<dl class=\"facts\">\n");
        Fact(page, "Kind", actor.Kind == DeclarationKind.Person ? "person" : Escape(actor.SymbolOf("kind") ?? "organization"));
        Fact(page, "Role", actor.Field("role") is { Value: TextValue role } roleField ? Isolate(role.Text, roleField.Language) : null);
        Fact(page, "For", Reference(actor.Field("for")?.Value, root));
        Fact(page, "Part of", Reference(actor.Field("parent")?.Value, root));
        Fact(page, "Abbreviation", Escape(actor.TextOf("abbr")));
        Fact(page, "Country", Escape(actor.SymbolOf("country")));
        Fact(page, "Wikidata", actor.SymbolOf("wikidata") is { } wikidata ? "<a href=\"https://www.wikidata.org/wiki/" + Uri.EscapeDataString(wikidata) + "\">" + Escape(wikidata) + "</a>" : null);
        page.Append("</dl>\n");

        var memberships = actor.Kind == DeclarationKind.Person
            ? compilation.MembershipsOf(actor.Id ?? string.Empty).ToList()
            : membersOf.GetValueOrDefault(actor.Id ?? string.Empty) ?? [];
        if (memberships.Count > 0)
        {
            page.Append("<h2>").Append(actor.Kind == DeclarationKind.Person ? "Memberships" : "Members").Append("</h2>\n<table>\n<thead><tr><th scope=\"col\">")
                .Append(actor.Kind == DeclarationKind.Person ? "Organization" : "Person")
                .Append("</th><th scope=\"col\">Post</th><th scope=\"col\">From</th><th scope=\"col\">Until</th></tr></thead>\n<tbody>\n");
            foreach (var membership in memberships.OrderBy(m => (m.Field("from")?.Value as DateValue)?.Date))
            {
                page.Append("<tr><td>").Append(Reference(membership.Field(actor.Kind == DeclarationKind.Person ? "org" : "person")?.Value, root)).Append("</td><td>")
                    .Append(membership.Field("role") is { Value: TextValue post } postField ? Isolate(post.Text, postField.Language) : string.Empty).Append("</td><td>")
                    .Append(Escape(Value(membership.Field("from")) ?? "…")).Append("</td><td>").Append(Escape(Value(membership.Field("until")) ?? "…")).Append("</td></tr>\n");
            }

            page.Append("</tbody>\n</table>\n");
        }

        var said = saidBy.TryGetValue(actor.Id ?? string.Empty, out var utterances)
            ? utterances.OrderByDescending(u => u.EffectiveDate).ThenBy(u => u.Id, StringComparer.Ordinal).ToList()
            : [];
        var pageCount = Math.Max(1, (said.Count + SaidPageSize - 1) / SaidPageSize);
        var header = page.ToString();
        for (var index = 1; index < pageCount; index++)
        {
            var more = new StringBuilder(header);
            Said(more, actor, said, index, pageCount, root);
            write(SaidPath(actor, index), Layout(name + ", page " + (index + 1).ToString(CultureInfo.InvariantCulture), root, null, more.ToString()));
        }

        Said(page, actor, said, 0, pageCount, root);
        return Layout(name, root, null, page.ToString());
    }

    /// <summary>Page <paramref name="index"/> of what an actor said: <c>people/ID.html</c>, then <c>people/ID.2.html</c> … (a dot cannot occur in an id).</summary>
    private string SaidPath(BoundEntity actor, int index) =>
        index == 0 ? pageOf[actor] : pageOf[actor][..^".html".Length] + "." + (index + 1).ToString(CultureInfo.InvariantCulture) + ".html";

    private void Said(StringBuilder page, BoundEntity actor, List<BoundEntity> said, int index, int pageCount, string root)
    {
        page.Append("<h2>Said (").Append(said.Count).Append(")</h2>\n");
        if (pageCount > 1)
        {
            page.Append("<p class=\"meta\">Newest first; ").Append(index * SaidPageSize + 1).Append("–").Append(Math.Min(said.Count, (index + 1) * SaidPageSize))
                .Append(" of ").Append(said.Count).Append("</p>\n");
        }

        foreach (var utterance in said.Skip(index * SaidPageSize).Take(SaidPageSize))
        {
            page.Append("<article class=\"utterance\">\n<h3>").Append(Date(utterance.EffectiveDate)).Append(" · ");
            page.Append(utterance.Meeting is { } meeting
                ? "<a href=\"" + Url(meeting, root) + "#" + Uri.EscapeDataString(anchorOf[utterance]) + "\">" + Isolate(Title(meeting), TextLanguage(meeting, "title") ?? meeting.TranscriptLanguageOf()) + "</a>"
                : Link(utterance, root));
            if (utterance.Field("as") is { Value: TextValue label } labelField)
            {
                page.Append(" — ").Append(Isolate(label.Text, labelField.Language ?? utterance.TranscriptLanguageOf()));
            }

            page.Append("</h3>\n");
            UtteranceFacts(page, utterance, root);
            Passages(page, utterance, null);
            page.Append("</article>\n");
        }

        Pager(page, "what was said", index, pageCount, i => root + string.Join("/", SaidPath(actor, i).Split('/').Select(Uri.EscapeDataString)));
    }

    private string StatementPage(BoundEntity statement)
    {
        const string root = "../";
        var language = statement.TranscriptLanguageOf();
        var page = new StringBuilder();
        page.Append("<article class=\"utterance\"").Append(language is null ? string.Empty : Attributes(language)).Append(">\n<h1>")
            .Append(Speaker(statement, root)).Append("</h1>\n<dl class=\"facts\">\n");
        Fact(page, "Date", Date(statement.Field("date")));
        Fact(page, "Label", statement.Field("as") is { Value: TextValue label } labelField ? Isolate(label.Text, labelField.Language ?? language) : null);
        Fact(page, "Place", statement.Field("place") is { Value: TextValue place } placeField ? Isolate(place.Text, placeField.Language ?? language) : null);
        Fact(page, "Address", Value(statement.Field("url")) is { } url ? "<a href=\"" + Escape(url) + "\">" + Escape(url) + "</a>" : null);
        Fact(page, "Reported by", statement.Field("reported_by") is { Value: TextValue reporter } reporterField ? Isolate(reporter.Text, reporterField.Language ?? language) : null);
        page.Append("</dl>\n");
        UtteranceFacts(page, statement, root);
        Passages(page, statement, language);
        page.Append("</article>\n");
        return Layout(PlainSpeaker(statement) + " · " + (Value(statement.Field("date")) ?? "undated"), root, language, page.ToString());
    }

    private string SearchPage()
    {
        var page = new StringBuilder();
        page.Append("<h1>Search</h1>\n<p id=\"no-script\">Search runs in the browser and needs JavaScript; every record is also reachable from the <a href=\"index.html\">index</a>.</p>\n");
        page.Append("<form id=\"search\" class=\"search-form\" role=\"search\" hidden>\n<label for=\"q\">Speaker or words said</label><br>\n")
            .Append("<input id=\"q\" name=\"q\" type=\"search\" dir=\"auto\" autocomplete=\"off\">\n<button type=\"submit\">Search</button>\n</form>\n");
        page.Append("<p id=\"status\" role=\"status\"></p>\n<ol id=\"results\"></ol>\n");
        page.Append("<script src=\"search-index.js\"></script>\n<script src=\"site.js\"></script>\n");
        return Layout("Search", string.Empty, null, page.ToString());
    }

    /// <summary>
    /// The search index: per speech and statement, its address, speaker names, date, meeting and passage
    /// text, as a script that assigns one array (a script element loads it from file:// too, where a fetch may not).
    /// </summary>
    private string SearchIndex()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var (utterance, url) in Utterances())
            {
                json.WriteStartArray();
                json.WriteStringValue(url);
                json.WriteStringValue(string.Join(" / ", SpeakerNames(utterance)));
                json.WriteStringValue(Value(utterance.Field("date")) ?? utterance.EffectiveDate?.ToString() ?? string.Empty);
                json.WriteStringValue(utterance.Meeting is { } meeting ? Title(meeting) : "statement");
                json.WriteStringValue(string.Join(" ", utterance.Fields.Where(f => f.Spec.IsContent && f.Value is TextValue).Select(f => ((TextValue)f.Value).Text)));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return "window.stmtSearchIndex = " + Encoding.UTF8.GetString(buffer.ToArray()).Replace("</", "<\\/", StringComparison.Ordinal) + ";\n";
    }

    private IEnumerable<(BoundEntity Utterance, string Url)> Utterances()
    {
        foreach (var meeting in meetings)
        {
            foreach (var speech in meeting.Children.Where(c => c.Kind == DeclarationKind.Speech))
            {
                yield return (speech, Url(meeting, string.Empty) + "#" + Uri.EscapeDataString(anchorOf[speech]));
            }
        }

        foreach (var statement in statements)
        {
            yield return (statement, Url(statement, string.Empty));
        }
    }

    private string Layout(string title, string root, string? contentLanguage, string body)
    {
        var page = new StringBuilder();
        var rightToLeft = contentLanguage is not null && IsRightToLeft(contentLanguage);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\" dir=\"").Append(rightToLeft ? "rtl" : "ltr").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(title)).Append(title == siteTitle ? string.Empty : " · " + Escape(siteTitle)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(root).Append("site.css\">\n</head>\n<body>\n")
            .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
            .Append("<header class=\"site\" dir=\"ltr\">\n<nav aria-label=\"Site\">\n<ul>\n");
        foreach (var (href, label) in new[] { ("index.html", "Index"), ("index.html#meetings", "Meetings"), ("index.html#people", "People"), ("index.html#organizations", "Organizations"), ("index.html#statements", "Statements"), ("search.html", "Search") })
        {
            page.Append("<li><a href=\"").Append(root).Append(href).Append("\">").Append(label).Append("</a></li>\n");
        }

        page.Append("</ul>\n</nav>\n</header>\n<main id=\"main\">\n").Append(body).Append("</main>\n<footer class=\"site\" dir=\"ltr\">\n<p>")
            .Append(Escape(siteTitle)).Append(" · rendered by <code>stmt render</code> from ").Append(Count(compilation.Files.Count, ".stmt file"))
            .Append(".</p>\n</footer>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static void Fact(StringBuilder page, string label, string? html)
    {
        if (!string.IsNullOrEmpty(html))
        {
            page.Append("<dt lang=\"en\">").Append(label).Append("</dt><dd>").Append(html).Append("</dd>\n");
        }
    }

    private string Speaker(BoundEntity utterance, string root) =>
        utterance.Field("by")?.Value is { } by ? Reference(by, root) : "<span class=\"meta\">(speaker not recorded)</span>";

    private string PlainSpeaker(BoundEntity utterance) =>
        utterance.Field("by")?.Value is ReferenceValue by && compilation.EntitiesById.GetValueOrDefault(by.Id) is { } speaker ? PreferredName(speaker).Text : "(speaker not recorded)";

    private IEnumerable<string> SpeakerNames(BoundEntity utterance)
    {
        if (utterance.Field("by")?.Value is ReferenceValue by && compilation.EntitiesById.GetValueOrDefault(by.Id) is { } speaker)
        {
            return speaker.FieldsNamed("name").Concat(speaker.FieldsNamed("alias")).Select(f => ((TextValue)f.Value).Text).Prepend(by.Id);
        }

        return utterance.Field("as")?.Value is TextValue label ? [label.Text] : ["(speaker not recorded)"];
    }

    private string References(BoundValue? value, string root) => value switch
    {
        ListValue list => string.Join(", ", list.Items.Select(item => Reference(item, root))),
        null => string.Empty,
        _ => Reference(value, root),
    };

    /// <summary>A link to the page of the entity a reference resolved to, named as the author named it.</summary>
    private string Reference(BoundValue? value, string root)
    {
        if (value is not ReferenceValue reference)
        {
            return string.Empty;
        }

        return compilation.EntitiesById.GetValueOrDefault(reference.Id) is { } target && pageOf.ContainsKey(target)
            ? Link(target, root)
            : Escape(reference.Id);
    }

    private string Link(BoundEntity entity, string root)
    {
        var (name, language) = entity.Kind switch
        {
            DeclarationKind.Person or DeclarationKind.Org => PreferredName(entity),
            DeclarationKind.Statement => (PlainSpeaker(entity) + " · " + (Value(entity.Field("date")) ?? "undated"), null),
            _ => (Title(entity), TextLanguage(entity, "title") ?? entity.TranscriptLanguageOf()),
        };
        return "<a href=\"" + Url(entity, root) + "\">" + Isolate(name, language) + "</a>";
    }

    private string Url(BoundEntity entity, string root)
    {
        if (!urlOf.TryGetValue(entity, out var url))
        {
            urlOf.Add(entity, url = string.Join("/", pageOf[entity].Split('/').Select(Uri.EscapeDataString)));
        }

        return root + url;
    }

    private static (string Text, string? Language) PreferredName(BoundEntity actor) =>
        actor.Field("name") is { Value: TextValue name } field ? (name.Text, field.Language) : (actor.Id ?? "(unnamed)", null);

    private static string? EnglishName(BoundEntity actor) =>
        actor.FieldsNamed("name").Where(f => f.Language is { } tag && tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.Value).FirstOrDefault() is TextValue english ? english.Text : null;

    private static string Title(BoundEntity entity) => entity.TextOf("title") ?? (DeclarationKinds.Keyword(entity.Kind) + " " + (entity.Id ?? string.Empty)).Trim();

    private static string? TextLanguage(BoundEntity entity, string field) => entity.Field(field)?.Language;


    private static string? Value(BoundField? field) => field?.Value switch
    {
        DateValue date => date.Date.ToString(),
        TimeValue time => time.Time.ToString(),
        IntegerValue integer => integer.Value.ToString(CultureInfo.InvariantCulture),
        TextValue text => text.Text,
        SymbolValue symbol => symbol.Symbol,
        _ => null,
    };

    private static string Date(BoundField? field) => field?.Value is DateValue date ? Date(date.Date) : string.Empty;

    private static string Date(Language.Syntax.DateLiteral? date) =>
        date is null ? "<span class=\"meta\">undated</span>" : "<time datetime=\"" + Escape(date.ToString()) + "\">" + Escape(date.ToString()) + "</time>";

    private static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? (singular.EndsWith("ch", StringComparison.Ordinal) ? singular + "es" : singular + "s"));

    /// <summary>The language of a field's text: its tag, else the transcript's.</summary>
    private static string TextAttributes(BoundField? field, string? fallback) => Attributes(field?.Language ?? fallback);
}
