namespace StatementDsl.Records;

/// <summary>
/// The decoded fields of one record, looked up by name while its typed object is built. They live only
/// that long, so their array is reused (dispose when the object is filled), and they are a struct:
/// reading every record of a corpus built 28,660 of these objects for nothing else.
/// </summary>
internal readonly struct FieldValues : IDisposable
{
    /// <summary>A larger array is left to the collector rather than kept by the thread.</summary>
    private const int MaxSpareLength = 256;

    /// <summary>One array per thread for the fields being read; a record read while another is (none today) gets its own.</summary>
    [ThreadStatic]
    private static Field[]? spare;

    /// <summary>One list per thread that an utterance's passages are gathered in before they are copied to an array of their number.</summary>
    [ThreadStatic]
    private static List<Passage>? passageBuffer;

    private readonly RecordFile file;
    private readonly int index;
    private readonly Field[] fields;
    private readonly int count;

    private FieldValues(RecordFile file, int index, Field[] fields, int count)
    {
        this.file = file;
        this.index = index;
        this.fields = fields;
        this.count = count;
    }

    /// <summary>Decodes a record's fields; with <paramref name="deferPassages"/>, quotes, paraphrases and notes are skipped, for <see cref="ReadPassages"/> to decode when asked.</summary>
    public static FieldValues Read(ref RecordReader reader, RecordFile file, int index, bool deferPassages)
    {
        var store = file.Store;
        var written = reader.ReadInt();
        var fields = spare is { } reused && reused.Length >= written ? reused : new Field[Math.Max(written, 16)];
        spare = null;
        var count = 0;
        for (var i = 0; i < written; i++)
        {
            var name = RecordFormat.FieldNames[reader.ReadInt()];
            var language = reader.ReadRecurring(store.RecurringStrings);
            var tag = reader.ReadChar();
            if (deferPassages && PassageKindOf(name) is not null)
            {
                SkipValue(ref reader, tag);
                continue;
            }

            fields[count++] = tag switch
            {
                RecordFormat.IntegerTag => new Field(name, language, tag) { Integer = reader.ReadInt() },
                RecordFormat.TextListTag => new Field(name, language, tag) { Items = ReadTexts(ref reader) },
                RecordFormat.ReferenceTag => new Field(name, language, tag) { Target = ReadReference(ref reader, store) },
                RecordFormat.ReferenceListTag => new Field(name, language, tag) { Targets = ReadReferences(ref reader, store) },
                RecordFormat.SymbolTag => new Field(name, language, tag) { Text = reader.ReadRecurring(store.RecurringStrings) },
                RecordFormat.LocatedTextTag => new Field(name, language, tag) { Text = ReadLocatedText(ref reader, store, out _) },
                _ => new Field(name, language, tag) { Text = reader.ReadString() },
            };
        }

        return new FieldValues(file, index, fields, count);
    }

    public void Dispose()
    {
        Array.Clear(fields, 0, count);
        if (fields.Length <= MaxSpareLength)
        {
            spare = fields;
        }
    }

    /// <summary>The quotes, paraphrases and notes of the record whose body <paramref name="reader"/> is at.</summary>
    public static IReadOnlyList<Passage> ReadPassages(ref RecordReader reader, RecordStore store)
    {
        var passages = passageBuffer ?? [];
        passageBuffer = null;
        var count = reader.ReadInt();
        for (var i = 0; i < count; i++)
        {
            var kind = PassageKindOf(RecordFormat.FieldNames[reader.ReadInt()]);
            var language = reader.ReadRecurring(store.RecurringStrings);
            var tag = reader.ReadChar();
            if (kind is { } passageKind && tag == RecordFormat.LocatedTextTag)
            {
                var text = ReadLocatedText(ref reader, store, out var location);
                passages.Add(new Passage(passageKind, text, language, location));
            }
            else if (kind is { } unlocatedKind)
            {
                passages.Add(new Passage(unlocatedKind, reader.ReadString()!, language));
            }
            else
            {
                SkipValue(ref reader, tag);
            }
        }

        var read = passages.Count == 0 ? [] : passages.ToArray();
        passages.Clear();
        if (passages.Capacity <= MaxSpareLength)
        {
            passageBuffer = passages;
        }

        return read;
    }

    /// <summary>The untagged value of a single-valued text field, else the first.</summary>
    public string? Text(string name)
    {
        string? first = null;
        for (var i = 0; i < count; i++)
        {
            var field = fields[i];
            if (ReferenceEquals(field.Name, name))
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
        List<string>? values = null;
        for (var i = 0; i < count; i++)
        {
            var field = fields[i];
            if (ReferenceEquals(field.Name, name))
            {
                values ??= [];
                if (field.Items is { } items)
                {
                    values.AddRange(items);
                }
                else
                {
                    values.Add(field.Text!);
                }
            }
        }

        return values ?? (IReadOnlyList<string>)[];
    }

    public IReadOnlyList<LocalizedText> Localized(string name)
    {
        List<LocalizedText>? values = null;
        for (var i = 0; i < count; i++)
        {
            var field = fields[i];
            if (ReferenceEquals(field.Name, name))
            {
                (values ??= []).Add(new LocalizedText(field.Text!, field.Language));
            }
        }

        return values ?? (IReadOnlyList<LocalizedText>)[];
    }

    /// <summary>Every tagged variant of the single-valued text fields (not names, which have <see cref="Actor.Names"/>).</summary>
    public IReadOnlyList<LocalizedField> Variants()
    {
        List<LocalizedField>? variants = null;
        for (var i = 0; i < count; i++)
        {
            var field = fields[i];
            if (field.Language is not null && field.Tag == RecordFormat.TextTag && field.Name is not ("name" or "quote" or "paraphrase" or "note" or "alias"))
            {
                (variants ??= []).Add(new LocalizedField(field.Name, new LocalizedText(field.Text!, field.Language)));
            }
        }

        return variants ?? (IReadOnlyList<LocalizedField>)[];
    }

    public PartialDate? Date(string name) => Text(name) is { } text ? PartialDate.Parse(text) : null;

    public int? Integer(string name)
    {
        for (var i = 0; i < count; i++)
        {
            var field = fields[i];
            if (ReferenceEquals(field.Name, name) && field.Tag == RecordFormat.IntegerTag)
            {
                return field.Integer;
            }
        }

        return null;
    }

    /// <summary>The record a single reference points to, resolved when the body was decoded.</summary>
    public Declaration? Reference(string name)
    {
        for (var i = 0; i < count; i++)
        {
            var field = fields[i];
            if (ReferenceEquals(field.Name, name) && field.Tag == RecordFormat.ReferenceTag)
            {
                return field.Target;
            }
        }

        return null;
    }

    /// <summary>The records a field's references point to, a list's and repeated single ones', in file order.</summary>
    public IReadOnlyList<T> References<T>(string name)
        where T : Declaration
    {
        List<T>? targets = null;
        for (var i = 0; i < count; i++)
        {
            var field = fields[i];
            if (ReferenceEquals(field.Name, name) && field.Target is T target)
            {
                (targets ??= []).Add(target);
            }
            else if (ReferenceEquals(field.Name, name) && field.Targets is { } items)
            {
                targets ??= [];
                foreach (var item in items)
                {
                    if (item is T typed)
                    {
                        targets.Add(typed);
                    }
                }
            }
        }

        return targets ?? (IReadOnlyList<T>)[];
    }

    /// <summary>The meeting the record belongs to, from its file's layout (built from its header, if it was not yet); null for a top-level record.</summary>
    public Meeting? Meeting() => file.MeetingOf(index) is var meeting and >= 0 ? file.Meeting(meeting) : null;

    private static string[] ReadTexts(ref RecordReader reader)
    {
        var items = new string[reader.ReadInt()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = reader.ReadString()!;
        }

        return items;
    }

    private static Declaration?[] ReadReferences(ref RecordReader reader, RecordStore store)
    {
        var targets = new Declaration?[reader.ReadInt()];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = ReadReference(ref reader, store);
        }

        return targets;
    }

    /// <summary>
    /// The record a reference points to, looked up by its class and id as they lie in the image: no
    /// string is made for either, and the target is built from its header alone, so cycles and
    /// references across files cost one small object per target, whatever is read first.
    /// </summary>
    private static Declaration? ReadReference(ref RecordReader reader, RecordStore store)
    {
        var hasClass = reader.TryReadSpan(out var className);
        reader.TryReadSpan(out var id);
        return hasClass ? store.Resolve(className, id) : null;
    }

    private static PassageKind? PassageKindOf(string name) => name switch
    {
        "quote" => PassageKind.Quote,
        "paraphrase" => PassageKind.Paraphrase,
        "note" => PassageKind.Note,
        _ => null,
    };

    /// <summary>A quote and where it was found in its source document.</summary>
    private static string ReadLocatedText(ref RecordReader reader, RecordStore store, out SourceLocation location)
    {
        var text = reader.ReadString()!;
        var document = reader.ReadRecurring(store.RecurringStrings)!;
        var line = reader.ReadInt();
        location = new SourceLocation(document, line, reader.ReadInt());
        return text;
    }

    private static void SkipValue(ref RecordReader reader, char tag)
    {
        switch (tag)
        {
            case RecordFormat.LocatedTextTag:
                reader.SkipString();
                reader.SkipString();
                reader.ReadInt();
                reader.ReadInt();
                break;
            case RecordFormat.IntegerTag:
                reader.ReadInt();
                break;
            case RecordFormat.TextListTag:
                for (var count = reader.ReadInt(); count > 0; count--)
                {
                    reader.SkipString();
                }

                break;
            case RecordFormat.ReferenceTag:
                reader.SkipString();
                reader.SkipString();
                break;
            case RecordFormat.ReferenceListTag:
                for (var count = reader.ReadInt(); count > 0; count--)
                {
                    reader.SkipString();
                    reader.SkipString();
                }

                break;
            default:
                reader.SkipString();
                break;
        }
    }

    /// <summary>A field as decoded; names are the interned strings of <see cref="RecordFormat.FieldNames"/>, so they compare by reference.</summary>
    /// <remarks>Fields rather than properties: each accessor would be one more method JIT-compiled at start-up.</remarks>
    private struct Field(string name, string? language, char tag)
    {
        public readonly string Name = name;
        public readonly string? Language = language;
        public readonly char Tag = tag;
        public string? Text;
        public int Integer;
        public string[]? Items;
        public Declaration? Target;
        public Declaration?[]? Targets;
    }
}
