namespace StatementDsl.Language.Semantics;

public enum DeclarationKind
{
    Transcript,
    Person,
    Org,
    Meeting,
    Speech,
    Statement,
    Walkout,
    Vote,
    Event,
    Membership,
}

public enum FieldType
{
    /// <summary>A string or text block.</summary>
    Text,
    Date,

    /// <summary>A time of day or a date-time.</summary>
    TimeOrDateTime,
    Integer,

    /// <summary>One of <see cref="FieldSpec.EnumValues"/>, written as an identifier.</summary>
    Enum,

    /// <summary>An id of one of <see cref="FieldSpec.Targets"/>.</summary>
    Reference,

    /// <summary>A list of ids; a single id is taken as a list of one.</summary>
    ReferenceList,
    TextList,

    /// <summary>A BCP 47 tag (<c>ar</c>, <c>en</c>, <c>ar-Latn</c>), bare or quoted.</summary>
    LanguageTag,

    /// <summary>An ISO 3166-1 alpha-2 code (<c>GB</c>), bare or quoted.</summary>
    Country,

    /// <summary>A free word such as an event type or a Wikidata id, bare or quoted.</summary>
    Symbol,
}

/// <summary>One field of a kind (LANGUAGE.md §4).</summary>
public sealed class FieldSpec
{
    internal FieldSpec(string name, FieldType type, bool required = false, bool repeatable = false, DeclarationKind[]? targets = null, string[]? enumValues = null)
    {
        Name = name;
        Type = type;
        Required = required;
        Repeatable = repeatable;
        Targets = targets ?? Array.Empty<DeclarationKind>();
        EnumValues = enumValues ?? Array.Empty<string>();
    }

    public string Name { get; }

    public FieldType Type { get; }

    public bool Required { get; }

    /// <summary>Content fields (quote, paraphrase, note) and aliases repeat and keep their order.</summary>
    public bool Repeatable { get; }

    public IReadOnlyList<DeclarationKind> Targets { get; }

    public IReadOnlyList<string> EnumValues { get; }

    /// <summary>The field's place among its kind's fields (at most 13 of them): a declaration's written fields are a set of these bits.</summary>
    internal int Index { get; set; }

    public bool IsContent => Name is "quote" or "paraphrase" or "note" && Repeatable;

    /// <summary>How the field's type reads in a message: "an integer", "the id of a person or an org".</summary>
    public string Describe() => Type switch
    {
        FieldType.Text => "a string or a text block",
        FieldType.Date => "a date (YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm[:ss] with an optional offset)",
        FieldType.TimeOrDateTime => "a time (hh:mm) or a date-time (YYYY-MM-DDThh:mm)",
        FieldType.Integer => "an integer",
        FieldType.Enum => "one of " + string.Join(", ", EnumValues),
        FieldType.Reference => "the id of " + DeclarationKinds.DescribeTargets(Targets),
        FieldType.ReferenceList => "a list of ids of " + DeclarationKinds.DescribeTargets(Targets),
        FieldType.TextList => "a list of strings",
        FieldType.LanguageTag => "a language tag such as ar, en or ar-Latn",
        FieldType.Country => "a two-letter ISO 3166-1 country code such as GB",
        _ => "a word or a string",
    };
}

/// <summary>The kinds of LANGUAGE.md §4, their keywords, fields and where they may stand.</summary>
public static class DeclarationKinds
{
    public static readonly string[] OrganizationKinds = { "state", "body", "delegation", "party", "media", "ngo", "other" };
    public static readonly string[] MeetingKinds = { "regular", "emergency", "high_level", "closed", "other" };
    public static readonly string[] SpeechModes = { "in_person", "video", "written" };
    public static readonly string[] StatementChannels = { "press", "social_media", "interview", "letter", "broadcast", "communique", "other" };
    public static readonly string[] TranscriptStatuses = { "provisional", "final" };
    public static readonly string[] VoteOutcomes = { "adopted", "rejected", "vetoed" };

    private static readonly DeclarationKind[] Actors = { DeclarationKind.Person, DeclarationKind.Org };
    private static readonly DeclarationKind[] Orgs = { DeclarationKind.Org };
    private static readonly DeclarationKind[] People = { DeclarationKind.Person };
    private static readonly DeclarationKind[] Speeches = { DeclarationKind.Speech };

    private static readonly Dictionary<DeclarationKind, FieldSpec[]> FieldsByKind = Indexed(new()
    {
        [DeclarationKind.Transcript] = new[]
        {
            new FieldSpec("title", FieldType.Text), new FieldSpec("language", FieldType.LanguageTag), new FieldSpec("source", FieldType.Text),
            new FieldSpec("source_document", FieldType.Text), new FieldSpec("published", FieldType.Date), new FieldSpec("translated_from", FieldType.LanguageTag),
            new FieldSpec("status", FieldType.Enum, enumValues: TranscriptStatuses), new FieldSpec("note", FieldType.Text),
        },
        [DeclarationKind.Person] = new[]
        {
            new FieldSpec("name", FieldType.Text, required: true), new FieldSpec("alias", FieldType.Text, repeatable: true),
            new FieldSpec("role", FieldType.Text), new FieldSpec("for", FieldType.Reference, targets: Orgs),
            new FieldSpec("country", FieldType.Country), new FieldSpec("wikidata", FieldType.Symbol),
        },
        [DeclarationKind.Org] = new[]
        {
            new FieldSpec("name", FieldType.Text, required: true), new FieldSpec("kind", FieldType.Enum, enumValues: OrganizationKinds),
            new FieldSpec("country", FieldType.Country), new FieldSpec("parent", FieldType.Reference, targets: Orgs),
            new FieldSpec("abbr", FieldType.Text),
        },
        [DeclarationKind.Meeting] = new[]
        {
            new FieldSpec("date", FieldType.Date, required: true), new FieldSpec("title", FieldType.Text),
            new FieldSpec("body", FieldType.Reference, targets: Orgs), new FieldSpec("number", FieldType.Integer),
            new FieldSpec("start", FieldType.TimeOrDateTime), new FieldSpec("end", FieldType.TimeOrDateTime),
            new FieldSpec("timezone", FieldType.Text), new FieldSpec("place", FieldType.Text),
            new FieldSpec("kind", FieldType.Enum, enumValues: MeetingKinds), new FieldSpec("convened_by", FieldType.ReferenceList, targets: Orgs),
            new FieldSpec("chair", FieldType.Reference, targets: People), new FieldSpec("agenda", FieldType.TextList),
            new FieldSpec("record", FieldType.Text),
        },
        [DeclarationKind.Speech] = new[]
        {
            new FieldSpec("by", FieldType.Reference, required: true, targets: Actors), new FieldSpec("date", FieldType.Date, required: true),
            new FieldSpec("as", FieldType.Text), new FieldSpec("on_behalf_of", FieldType.Reference, targets: Orgs),
            new FieldSpec("language", FieldType.LanguageTag), new FieldSpec("via", FieldType.Enum, enumValues: SpeechModes),
            new FieldSpec("to", FieldType.Reference, targets: Actors), new FieldSpec("start", FieldType.TimeOrDateTime),
            new FieldSpec("end", FieldType.TimeOrDateTime), Content("quote"), Content("paraphrase"), Content("note"),
        },
        [DeclarationKind.Statement] = new[]
        {
            new FieldSpec("by", FieldType.Reference, required: true, targets: Actors), new FieldSpec("date", FieldType.Date, required: true),
            new FieldSpec("via", FieldType.Enum, enumValues: StatementChannels), new FieldSpec("to", FieldType.Reference, targets: Actors),
            new FieldSpec("place", FieldType.Text), new FieldSpec("url", FieldType.Text), new FieldSpec("reported_by", FieldType.Text),
            new FieldSpec("as", FieldType.Text), new FieldSpec("language", FieldType.LanguageTag),
            new FieldSpec("on_behalf_of", FieldType.Reference, targets: Orgs),
            Content("quote"), Content("paraphrase"), Content("note"),
        },
        [DeclarationKind.Walkout] = new[]
        {
            new FieldSpec("by", FieldType.ReferenceList, required: true, targets: Actors), new FieldSpec("during", FieldType.Reference, targets: Speeches),
            new FieldSpec("time", FieldType.TimeOrDateTime), new FieldSpec("note", FieldType.Text),
        },
        [DeclarationKind.Vote] = new[]
        {
            new FieldSpec("on", FieldType.Text, required: true), new FieldSpec("for", FieldType.ReferenceList, targets: Actors),
            new FieldSpec("against", FieldType.ReferenceList, targets: Actors), new FieldSpec("abstain", FieldType.ReferenceList, targets: Actors),
            new FieldSpec("outcome", FieldType.Enum, enumValues: VoteOutcomes), new FieldSpec("by", FieldType.ReferenceList, targets: Actors),
            new FieldSpec("time", FieldType.TimeOrDateTime), new FieldSpec("note", FieldType.Text),
        },
        [DeclarationKind.Membership] = new[]
        {
            new FieldSpec("person", FieldType.Reference, required: true, targets: People), new FieldSpec("org", FieldType.Reference, required: true, targets: Orgs),
            new FieldSpec("role", FieldType.Text), new FieldSpec("from", FieldType.Date), new FieldSpec("until", FieldType.Date),
            new FieldSpec("note", FieldType.Text),
        },
        [DeclarationKind.Event] = new[]
        {
            new FieldSpec("type", FieldType.Symbol, required: true), new FieldSpec("by", FieldType.ReferenceList, targets: Actors),
            new FieldSpec("during", FieldType.Reference, targets: Speeches), new FieldSpec("time", FieldType.TimeOrDateTime),
            new FieldSpec("note", FieldType.Text),
        },
    });

    private static readonly Dictionary<string, DeclarationKind> ByKeyword = new(StringComparer.Ordinal)
    {
        ["transcript"] = DeclarationKind.Transcript,
        ["person"] = DeclarationKind.Person,
        ["org"] = DeclarationKind.Org,
        ["meeting"] = DeclarationKind.Meeting,
        ["speech"] = DeclarationKind.Speech,
        ["statement"] = DeclarationKind.Statement,
        ["walkout"] = DeclarationKind.Walkout,
        ["vote"] = DeclarationKind.Vote,
        ["event"] = DeclarationKind.Event,
        ["membership"] = DeclarationKind.Membership,
    };

    public static string AllNames { get; } = string.Join(", ", ByKeyword.Keys);

    public static IEnumerable<string> Keywords => ByKeyword.Keys;

    public static DeclarationKind? Find(string keyword) => ByKeyword.TryGetValue(keyword, out var kind) ? kind : null;

    public static string Keyword(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Transcript => "transcript",
        DeclarationKind.Person => "person",
        DeclarationKind.Org => "org",
        DeclarationKind.Meeting => "meeting",
        DeclarationKind.Speech => "speech",
        DeclarationKind.Statement => "statement",
        DeclarationKind.Walkout => "walkout",
        DeclarationKind.Vote => "vote",
        DeclarationKind.Membership => "membership",
        _ => "event",
    };

    public static IReadOnlyList<FieldSpec> Fields(DeclarationKind kind) => FieldsByKind[kind];

    public static FieldSpec? FindField(DeclarationKind kind, string name)
    {
        foreach (var field in FieldsByKind[kind])
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Speeches and meeting events live inside a meeting; every other kind at the top of a file.</summary>
    public static bool BelongsInMeeting(DeclarationKind kind) =>
        kind is DeclarationKind.Speech or DeclarationKind.Walkout or DeclarationKind.Vote or DeclarationKind.Event;

    public static string DescribeTargets(IReadOnlyList<DeclarationKind> targets) =>
        targets.Count == 2 ? "a person or an org" : targets[0] == DeclarationKind.Org ? "an org" : "a " + Keyword(targets[0]);

    private static FieldSpec Content(string name) => new(name, FieldType.Text, repeatable: true);

    private static Dictionary<DeclarationKind, FieldSpec[]> Indexed(Dictionary<DeclarationKind, FieldSpec[]> fieldsByKind)
    {
        foreach (var fields in fieldsByKind.Values)
        {
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i].Index = i;
            }
        }

        return fieldsByKind;
    }
}
