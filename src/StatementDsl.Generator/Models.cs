using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;

namespace StatementDsl.Generator;

/// <summary>
/// One declared id of a file, as the id table holds it (no Roslyn types, compared by value). It has
/// no position: the generator reports no diagnostics (the analyzer does), and positions would change
/// the table, and so re-bind every file, whenever an edit moves text.
/// </summary>
internal sealed record SymbolModel(string Id, DeclarationKind Kind, int Ordinal, bool Misplaced);

/// <summary>What a file contributes to the id table: small, and unchanged by edits that do not add, remove or rename ids.</summary>
internal sealed record FileSymbolsModel(string Path, string ClassName, EquatableArray<SymbolModel> Symbols);

/// <summary>
/// The result of the parse step: the text to bind, the file's id summary, and the full path of the
/// <c>source_document</c> its transcript names; the source-document step adds that document's text.
/// </summary>
internal sealed record ParsedFileModel(string Path, string Text, FileSymbolsModel Symbols, string? SourceDocumentPath)
{
    /// <summary>The named document as the compilation has it, or null when it is not an additional file (or none is named).</summary>
    public SourceDocumentModel? SourceDocument { get; init; }
}

/// <summary>An additional file that may be a <c>source_document</c>: its full path and text.</summary>
internal sealed record SourceDocumentModel(string Path, string Text);

/// <summary>
/// The ids of every file of the compilation, compared by value. The lookup table is built once per
/// distinct id table and shared by every file's bind step.
/// </summary>
internal sealed class IdTableModel : IEquatable<IdTableModel>
{
    private readonly Lazy<SymbolTable> table;

    public IdTableModel(EquatableArray<FileSymbolsModel> files)
    {
        Files = files;
        table = new Lazy<SymbolTable>(() => SymbolTable.Build(files.Select(StatementParsing.ToDeclarations)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public EquatableArray<FileSymbolsModel> Files { get; }

    public SymbolTable Table => table.Value;

    public bool Equals(IdTableModel? other) => other is not null && Files.Equals(other.Files);

    public override bool Equals(object? obj) => Equals(obj as IdTableModel);

    public override int GetHashCode() => Files.GetHashCode();
}

/// <summary>
/// A generated static property: <c>public static Speech JaafariSpeech =&gt; __Records.Speech(5)</c>; nested for
/// a speech or event inside a meeting. <see cref="IdStart"/> and <see cref="IdEnd"/> are where its id is
/// written in the <c>.stmt</c> file (1-based), which a <c>#line</c> directive maps the property to.
/// </summary>
internal sealed record PropertyModel(string Name, string TypeName, int Index, string Kind, string Id, bool Nested, LinePosition IdStart, LinePosition IdEnd);

/// <summary>Everything the emitter needs for one file's class and its records (<see cref="RecordEncoder"/>).</summary>
internal sealed record FileModel(
    string Path,
    string ClassName,
    bool OwnsClass,
    EquatableArray<PropertyModel> Properties,
    EncodedRecords Records);

/// <summary>A file's records in <c>RecordFormat</c>, escaped for C#: its headers after the path (which the emitter writes, mapped), and one body per record.</summary>
internal sealed record EncodedRecords(string Headers, EquatableArray<string> Bodies);

/// <summary>
/// The namespace the generated code goes in (StatementDslNamespace, else RootNamespace), whether
/// nested declarations get properties too (StatementDslIdProperties: All, the default, or TopLevel),
/// and how a file's path is written into what ships (<see cref="SourcePaths"/>).
/// </summary>
internal sealed record GenerationOptions(string Namespace, bool NestedIdProperties, SourcePaths Paths);
