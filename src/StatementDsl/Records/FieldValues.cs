namespace StatementDsl.Records;

/// <summary>The decoded fields of one record, looked up by name while its typed object is built.</summary>
internal sealed class FieldValues
{
    /// <summary>Every field name of the language, matched as bytes so that decoding a record allocates no name.</summary>
    private static readonly string[] FieldNames =
    [
        "name", "quote", "paraphrase", "note", "by", "date", "as", "language", "via", "to", "role", "for", "kind", "country",
        "title", "body", "convened_by", "during", "time", "alias", "parent", "abbr", "wikidata", "source", "published",
        "translated_from", "status", "number", "start", "end", "timezone", "place", "chair", "agenda", "record",
        "on_behalf_of", "url", "reported_by", "on", "against", "abstain", "outcome", "type",
    ];

    private static readonly byte[][] FieldNameBytes = FieldNames.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();

    private readonly List<Field> fields;

    private FieldValues(List<Field> fields) => this.fields = fields;

    public static FieldValues Read(ref RecordReader reader, RecordStore store)
    {
        var count = reader.ReadInt();
        var fields = new List<Field>(count);
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadKnownString(FieldNames, FieldNameBytes);
            var language = reader.ReadString();
            var tag = reader.ReadByte();
            switch (tag)
            {
                case RecordFormat.IntegerTag:
                    fields.Add(new Field(name, language, tag, null, reader.ReadInt(), null));
                    break;
                case RecordFormat.TextListTag:
                    var items = new string[reader.ReadInt()];
                    for (var j = 0; j < items.Length; j++)
                    {
                        items[j] = reader.ReadString()!;
                    }

                    fields.Add(new Field(name, language, tag, null, 0, items));
                    break;
                case RecordFormat.ReferenceTag:
                    fields.Add(new Field(name, language, tag, null, 0, null, [ReadTarget(ref reader)]));
                    break;
                case RecordFormat.ReferenceListTag:
                    var targets = new ReferenceTarget[reader.ReadInt()];
                    for (var j = 0; j < targets.Length; j++)
                    {
                        targets[j] = ReadTarget(ref reader);
                    }

                    fields.Add(new Field(name, language, tag, null, 0, null, targets));
                    break;
                default:
                    fields.Add(new Field(name, language, tag, reader.ReadString(), 0, null));
                    break;
            }
        }

        return new FieldValues(fields) { Store = store };
    }

    public required RecordStore Store { get; init; }

    /// <summary>The untagged value of a single-valued text field, else the first.</summary>
    public string? Text(string name)
    {
        string? first = null;
        foreach (var field in fields)
        {
            if (field.Name == name)
            {
                if (field.Language is null)
                {
                    return field.Text;
                }

                first ??= field.Text;
            }
        }

        return first;
    }

    public IReadOnlyList<string> Texts(string name)
    {
        var values = new List<string>();
        foreach (var field in fields)
        {
            if (field.Name == name)
            {
                values.AddRange(field.Items ?? [field.Text!]);
            }
        }

        return values;
    }

    public IReadOnlyList<LocalizedText> Localized(string name) =>
        fields.Where(f => f.Name == name).Select(f => new LocalizedText(f.Text!, f.Language)).ToArray();

    /// <summary>Every tagged variant of the single-valued text fields (not names, which have <see cref="Actor.Names"/>).</summary>
    public IReadOnlyList<LocalizedField> Variants()
    {
        List<LocalizedField>? variants = null;
        foreach (var field in fields)
        {
            if (field.Language is not null && field.Tag == RecordFormat.TextTag && field.Name is not ("name" or "quote" or "paraphrase" or "note" or "alias"))
            {
                (variants ??= []).Add(new LocalizedField(field.Name, new LocalizedText(field.Text!, field.Language)));
            }
        }

        return variants ?? (IReadOnlyList<LocalizedField>)[];
    }

    public IReadOnlyList<Passage> Passages()
    {
        var passages = new List<Passage>();
        foreach (var field in fields)
        {
            var kind = field.Name switch
            {
                "quote" => PassageKind.Quote,
                "paraphrase" => PassageKind.Paraphrase,
                "note" => PassageKind.Note,
                _ => (PassageKind?)null,
            };
            if (kind is PassageKind passageKind)
            {
                passages.Add(new Passage(passageKind, field.Text!, field.Language));
            }
        }

        return passages;
    }

    public PartialDate? Date(string name) => Text(name) is { } text ? PartialDate.Parse(text) : null;

    public int? Integer(string name) => fields.FirstOrDefault(f => f.Name == name && f.Tag == RecordFormat.IntegerTag) is { } field ? field.Integer : null;

    public Deferred? Reference(string name) =>
        fields.FirstOrDefault(f => f.Name == name && f.Targets is not null) is { } field ? new Deferred(Store, field.Targets![0]) : null;

    public DeferredList? References(string name)
    {
        var targets = fields.Where(f => f.Name == name && f.Targets is not null).SelectMany(f => f.Targets!).ToArray();
        return targets.Length == 0 ? null : new DeferredList(Store, targets);
    }

    private static ReferenceTarget ReadTarget(ref RecordReader reader)
    {
        var className = reader.ReadString();
        return new ReferenceTarget(className, reader.ReadString()!);
    }

    private sealed record Field(string Name, string? Language, byte Tag, string? Text, int Integer, string[]? Items, ReferenceTarget[]? Targets = null);
}
