using System.Collections.Immutable;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Generator;

/// <summary>The two per-file stages of the pipeline: parse one file alone, then bind it against the id table.</summary>
internal static class StatementParsing
{
    public static ParsedFileModel Parse(string path, string text, CancellationToken cancellationToken)
    {
        var syntax = Parser.ParseStructure(new SourceFile(path, text), cancellationToken);
        var declarations = Binder.Declare(syntax, cancellationToken);
        var symbols = declarations.Symbols
            .Select(s => new SymbolModel(s.Id, s.Kind, s.Ordinal, s.Misplaced))
            .ToEquatableArray();
        var sourceDocument = SourceDocumentDeclaration.Of(syntax) is { } written ? SourceDocuments.Resolve(path, written) : null;
        syntax.Release();
        return new ParsedFileModel(path, text, new FileSymbolsModel(path, declarations.ClassName, symbols), sourceDocument);
    }

    /// <summary>The file with the text of the document it names, found among the compilation's other additional files.</summary>
    public static ParsedFileModel WithSourceDocument(ParsedFileModel file, ImmutableArray<SourceDocumentModel> documents)
    {
        if (file.SourceDocumentPath is not { } path)
        {
            return file;
        }

        foreach (var document in documents)
        {
            if (SourceDocuments.PathComparer.Equals(document.Path, path))
            {
                return file with { SourceDocument = document };
            }
        }

        return file;
    }

    public static FileDeclarations ToDeclarations(FileSymbolsModel file) => new(
        file.Path,
        file.ClassName,
        file.Symbols.Select(s => new DeclaredSymbol(s.Id, s.Kind, file.Path, s.Ordinal, default, new LinePosition(1, 1), s.Misplaced)).ToArray());

    /// <summary>Binds a file against all ids; the result is a value-equatable model of what to emit.</summary>
    public static BoundFile Bind(ParsedFileModel file, IdTableModel ids, CancellationToken cancellationToken)
    {
        var syntax = Parser.ParseForBinding(new SourceFile(file.Path, file.Text), cancellationToken);
        var bound = Binder.BindFile(syntax, ToDeclarations(file.Symbols), ids.Table, cancellationToken);
        syntax.Release();
        return bound;
    }

    public static FileModel ToModel(BoundFile bound, SymbolTable table, SourceDocumentModel? sourceDocument, CancellationToken cancellationToken)
    {
        var documents = new SourceDocuments(_ => sourceDocument is null
            ? SourceDocumentText.Unreadable(StatementAnalyzer.NotAnAdditionalFile)
            : SourceDocumentText.Found(sourceDocument.Text));
        var encoded = RecordEncoder.Encode(bound, table, QuoteCheck.Run(bound, documents, cancellationToken), cancellationToken);
        var properties = new List<PropertyModel>();
        for (var i = 0; i < bound.Entities.Count; i++)
        {
            var entity = bound.Entities[i];
            if (entity.CSharpName is { } name)
            {
                properties.Add(new PropertyModel(name, RuntimeTypeName(entity.Kind), i, DeclarationKinds.Keyword(entity.Kind), entity.Id!,
                    entity.Meeting is not null, bound.Lines.GetPosition(entity.NameSpan.Start), bound.Lines.GetPosition(entity.NameSpan.End)));
            }
        }

        return new FileModel(bound.Path, bound.ClassName, table.OwnedClass(bound.Path) is not null, properties.ToEquatableArray(), encoded);
    }

    public static string RuntimeTypeName(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Transcript => "Transcript",
        DeclarationKind.Person => "Person",
        DeclarationKind.Org => "Organization",
        DeclarationKind.Meeting => "Meeting",
        DeclarationKind.Speech => "Speech",
        DeclarationKind.Statement => "Statement",
        DeclarationKind.Walkout => "Walkout",
        DeclarationKind.Vote => "Vote",
        DeclarationKind.Membership => "Membership",
        _ => "Incident",
    };
}
