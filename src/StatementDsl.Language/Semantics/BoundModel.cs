using System.Collections.Concurrent;
using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Semantics;

/// <summary>
/// A field value after binding. References carry the id, the symbol they resolved to and where the
/// id is written. The bound model keeps spans, never syntax: a compilation of a whole corpus holds
/// its records, not every token of every file (keeping the trees cost 3–4× the front end's time,
/// docs/benchmarks.md).
/// </summary>
public abstract record BoundValue;

public sealed record TextValue(string Text) : BoundValue;

public sealed record DateValue(DateLiteral Date) : BoundValue;

public sealed record TimeValue(TimeLiteral Time) : BoundValue;

public sealed record IntegerValue(long Value) : BoundValue;

/// <summary>An enum member or a free word (event type, language tag, country code), as written.</summary>
public sealed record SymbolValue(string Symbol) : BoundValue;

public sealed record ReferenceValue(string Id, DeclaredSymbol Target, TextSpan Span) : BoundValue;

public sealed record ListValue(IReadOnlyList<BoundValue> Items) : BoundValue;

/// <summary>A reference while its file is bound alone; resolved or dropped before the file leaves the binder.</summary>
internal sealed record UnresolvedReference(string Id, TextSpan Span) : BoundValue;

/// <summary>
/// A field that bound: its spec, language tag, value and where the value is written. A value held in
/// its record's array rather than an object per field, and its value kept as what it is made of (the
/// text, the word, the declaration a reference names) rather than an object per value: a corpus's
/// compilation keeps 115,000 fields, and what the collector copies decides the front end's speed
/// (docs/benchmarks.md). <see cref="Value"/> wraps it for the reader.
/// </summary>
public readonly struct BoundField
{
    /// <summary>
    /// A <see cref="string"/> (the text of a text field, the word of an enum, tag, country or symbol
    /// field, or, before resolving, the id of a single reference), the <see cref="DeclaredSymbol"/> a
    /// single reference resolved to, or a <see cref="BoundValue"/> for dates, times, integers and lists.
    /// </summary>
    private readonly object payload;

    internal BoundField(FieldSpec spec, string? language, TextSpan valueSpan, object payload)
    {
        Spec = spec;
        Language = language;
        ValueSpan = valueSpan;
        this.payload = payload;
    }

    public FieldSpec Spec { get; }

    public string Name => Spec.Name;

    /// <summary>The <c>@tag</c> of the field, null when untagged.</summary>
    public string? Language { get; }

    public TextSpan ValueSpan { get; }

    public BoundValue Value => payload switch
    {
        string text when Spec.Type == FieldType.Text => new TextValue(text),
        string id when Spec.Type == FieldType.Reference => new UnresolvedReference(id, ValueSpan),
        string word => new SymbolValue(word),
        DeclaredSymbol target => new ReferenceValue(target.Id, target, ValueSpan),
        _ => (BoundValue)payload,
    };

    /// <summary>The text of a text field without wrapping it; null for other fields.</summary>
    public string? Text => Spec.Type == FieldType.Text ? payload as string : null;

    /// <summary>What <see cref="Value"/> is made of, for the binder's resolving pass.</summary>
    internal object Payload => payload;

    internal BoundField WithPayload(object value) => new(Spec, Language, ValueSpan, value);
}

/// <summary>A declaration that bound: one record of the model.</summary>
public sealed class BoundEntity
{
    private readonly TextSpan kindSpan;

    /// <summary>Exactly as many as bound: set once the record's fields are bound, shrunk if resolving drops one.</summary>
    private BoundField[] fields = Array.Empty<BoundField>();

    /// <summary>Whether a field holds references, which <see cref="ResolveReferences"/> resolves.</summary>
    private bool hasReferences;

    /// <summary>Only meetings have children; other records share the empty list.</summary>
    private List<BoundEntity>? children;

    internal BoundEntity(DeclarationKind kind, string? id, int symbolOrdinal, TextSpan nameSpan, TextSpan kindSpan, BoundFile file, BoundEntity? meeting)
    {
        Kind = kind;
        Id = id;
        SymbolOrdinal = symbolOrdinal;
        File = file;
        Meeting = meeting;
        NameSpan = nameSpan;
        this.kindSpan = kindSpan;
    }

    public DeclarationKind Kind { get; }

    /// <summary>The id; null without one, or when an earlier declaration has it (STMT1004).</summary>
    public string? Id { get; internal set; }

    /// <summary>Which of its file's declared ids this is (<see cref="DeclaredSymbol.Ordinal"/>); -1 without an id.</summary>
    internal int SymbolOrdinal { get; }

    /// <summary>Where diagnostics about the record go: its id, else its kind word.</summary>
    public TextSpan NameSpan { get; }

    public BoundFile File { get; }

    /// <summary>The meeting that holds a speech or event; null for top-level kinds.</summary>
    public BoundEntity? Meeting { get; }

    public IReadOnlyList<BoundField> Fields => fields;

    /// <summary>Speeches and events of a meeting, in file order.</summary>
    public IReadOnlyList<BoundEntity> Children => (IReadOnlyList<BoundEntity>?)children ?? Array.Empty<BoundEntity>();

    /// <summary>
    /// The C# property name for the entity's id (LANGUAGE.md §6), null without an id or when the name
    /// clashes (STMT1012). Made from the id when asked: most hosts (<c>stmt check</c>, the editor)
    /// never ask, and a corpus's compilation would keep a second string per record.
    /// </summary>
    public string? CSharpName => HasCSharpName && Id is { } id ? CSharpNames.ToPascalCase(id) : null;

    /// <summary>Whether the id got its C# property, its name being free in the file's class.</summary>
    internal bool HasCSharpName { get; set; }

    /// <summary>The record's kind word, where its declaration starts.</summary>
    public Location Origin => new(File.Path, kindSpan, File.Lines.GetPosition(kindSpan.Start), File.Lines.GetPosition(kindSpan.End));

    /// <summary>A speech's own date, else its meeting's (LANGUAGE.md §4).</summary>
    public DateLiteral? EffectiveDate =>
        (Field("date")?.Value as DateValue)?.Date ?? (Kind == DeclarationKind.Speech ? (Meeting?.Field("date")?.Value as DateValue)?.Date : null);

    public BoundField? Field(string name)
    {
        BoundField? first = null;
        foreach (var field in fields)
        {
            if (string.Equals(field.Name, name, StringComparison.Ordinal))
            {
                if (field.Language is null)
                {
                    return field;
                }

                first ??= field;
            }
        }

        return first;
    }

    public IEnumerable<BoundField> FieldsNamed(string name) => fields.Where(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    internal void SetFields(BoundField[] bound)
    {
        fields = bound;
        foreach (var field in bound)
        {
            hasReferences |= IsReference(field);
        }
    }

    public string Describe() => DeclarationKinds.Keyword(Kind) + (Id is null ? string.Empty : " '" + Id + "'");

    /// <summary>
    /// Gives each reference field the value <paramref name="resolve"/> makes of it (see <see cref="BoundField.Payload"/>);
    /// a field it turns to null is dropped. Other fields are not read: resolving a corpus walks records
    /// bound long before, and each value read would be a miss in the processor's cache.
    /// </summary>
    internal void ResolveReferences(Func<BoundField, object?> resolve)
    {
        if (!hasReferences)
        {
            return;
        }

        var kept = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (!IsReference(fields[i]))
            {
                if (kept != i)
                {
                    fields[kept] = fields[i];
                }

                kept++;
            }
            else if (resolve(fields[i]) is { } value)
            {
                fields[kept++] = fields[i].WithPayload(value);
            }
        }

        if (kept < fields.Length)
        {
            Array.Resize(ref fields, kept);
        }
    }

    private static bool IsReference(in BoundField field) => field.Spec.Type is FieldType.Reference or FieldType.ReferenceList;

    internal void AddChild(BoundEntity child) => (children ??= new List<BoundEntity>()).Add(child);
}

/// <summary>One file of a compilation after binding.</summary>
public sealed class BoundFile
{
    /// <param name="expectedEntities">How many records the file likely holds (its ids), so that the list is sized once.</param>
    internal BoundFile(string path, string className, LineMap lines, int expectedEntities)
    {
        Path = path;
        ClassName = className;
        Lines = lines;
        Entities = new List<BoundEntity>(expectedEntities);
    }

    /// <summary>Lines and columns of the file, for the rules checked once every file is bound (<see cref="CrossFileRules"/>).</summary>
    internal LineMap Lines { get; }

    /// <summary>The path as the caller gave it; the file's syntax is the caller's to keep or drop.</summary>
    public string Path { get; }

    /// <summary>The static partial class generated for the file (LANGUAGE.md §6).</summary>
    public string ClassName { get; internal set; }

    public BoundEntity? Transcript { get; internal set; }

    /// <summary>Every bound entity of the file in file order, nested ones after their meeting.</summary>
    public List<BoundEntity> Entities { get; }

    /// <summary>
    /// Syntax and semantic diagnostics that the file decides with the ids of the others, in position
    /// order; the rules that need other files' records too (STMT1016) are in <see cref="BoundCompilation.DiagnosticsOf"/>.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; internal set; } = Array.Empty<Diagnostic>();
}

/// <summary>All files of one compilation, bound together: ids are global across them.</summary>
public sealed class BoundCompilation
{
    private readonly Lazy<IReadOnlyDictionary<string, BoundEntity>> entitiesById;
    private readonly Lazy<IReadOnlyDictionary<BoundFile, IReadOnlyList<Diagnostic>>> crossFileDiagnostics;
    private readonly Lazy<Dictionary<string, List<BoundEntity>>> membershipsByPerson;

    private readonly SourceDocuments? documents;
    private readonly ConcurrentDictionary<BoundFile, Lazy<QuoteCheckResult>> quoteChecks = new();

    private BoundCompilation(IReadOnlyList<BoundFile> files, SourceDocuments? documents)
    {
        Files = files;
        this.documents = documents;
        entitiesById = new Lazy<IReadOnlyDictionary<string, BoundEntity>>(() =>
        {
            var byId = new Dictionary<string, BoundEntity>(StringComparer.Ordinal);
            foreach (var entity in files.SelectMany(f => f.Entities))
            {
                if (entity.Id is not null && !byId.ContainsKey(entity.Id))
                {
                    byId.Add(entity.Id, entity);
                }
            }

            return byId;
        });
        crossFileDiagnostics = new Lazy<IReadOnlyDictionary<BoundFile, IReadOnlyList<Diagnostic>>>(() => CrossFileRules.Check(this));
        membershipsByPerson = new Lazy<Dictionary<string, List<BoundEntity>>>(() =>
        {
            var byPerson = new Dictionary<string, List<BoundEntity>>(StringComparer.Ordinal);
            foreach (var entity in files.SelectMany(f => f.Entities))
            {
                if (entity.Kind == DeclarationKind.Membership && entity.Field("person")?.Value is ReferenceValue person)
                {
                    if (!byPerson.TryGetValue(person.Id, out var list))
                    {
                        byPerson.Add(person.Id, list = new List<BoundEntity>());
                    }

                    list.Add(entity);
                }
            }

            return byPerson;
        });
    }

    /// <summary>Whether any file declares a membership: without one, no membership rule has anything to check.</summary>
    internal bool HasMemberships => membershipsByPerson.Value.Count > 0;

    /// <summary>The memberships of a person from every file, files in ordinal order of their paths, each file's in file order.</summary>
    public IReadOnlyList<BoundEntity> MembershipsOf(string personId) =>
        membershipsByPerson.Value.TryGetValue(personId, out var memberships) ? memberships : Array.Empty<BoundEntity>();

    public IReadOnlyList<BoundFile> Files { get; }

    /// <summary>The speaker's membership covering an utterance's date, in its <c>on_behalf_of</c> when given (LANGUAGE.md §4).</summary>
    public BoundEntity? SpeakerMembershipOf(BoundEntity utterance) => CrossFileRules.SpeakerMembership(this, utterance);

    /// <summary>The first entity of each id; built on first use, since an editor re-composes the compilation on every edit.</summary>
    public IReadOnlyDictionary<string, BoundEntity> EntitiesById => entitiesById.Value;

    /// <summary>Assembles files bound against the same symbol table (a host may re-bind only those that changed).</summary>
    /// <param name="documents">How the <c>source_document</c>s of the files are read; without it quotes are not checked.</param>
    public static BoundCompilation Compose(IEnumerable<BoundFile> files, SourceDocuments? documents = null) =>
        new(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), documents);

    /// <summary>The file's quotes looked up in its source document, once per compilation; nothing when no reader was given.</summary>
    public QuoteCheckResult QuotesOf(BoundFile file) =>
        documents is null
            ? QuoteCheckResult.None
            : quoteChecks.GetOrAdd(file, f => new Lazy<QuoteCheckResult>(() => QuoteCheck.Run(f, documents))).Value;

    /// <summary>Every diagnostic of every file, each file's in position order.</summary>
    public IEnumerable<Diagnostic> Diagnostics => Files.SelectMany(DiagnosticsOf);

    /// <summary>The file's own diagnostics with those of the cross-file rules, in position order.</summary>
    public IReadOnlyList<Diagnostic> DiagnosticsOf(BoundFile file)
    {
        var quotes = QuotesOf(file).Diagnostics;
        return crossFileDiagnostics.Value.TryGetValue(file, out var more) || quotes.Count > 0
            ? file.Diagnostics.Concat(more ?? Array.Empty<Diagnostic>()).Concat(quotes).OrderBy(d => d.Location.Span.Start).ToList()
            : file.Diagnostics;
    }
}
