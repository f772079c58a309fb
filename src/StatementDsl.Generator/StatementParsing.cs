using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Generator;

/// <summary>The two per-file stages of the pipeline: parse one file alone, then bind it against the id table.</summary>
internal static class StatementParsing
{
    public static ParsedFileModel Parse(string path, string text, CancellationToken cancellationToken)
    {
        var declarations = Binder.Declare(new SourceFile(path, text), cancellationToken);
        var symbols = declarations.Symbols
            .Select(s => new SymbolModel(s.Id, s.Kind, s.Ordinal, s.Misplaced))
            .ToEquatableArray();
        return new ParsedFileModel(path, text, new FileSymbolsModel(path, declarations.ClassName, symbols));
    }

    public static FileDeclarations ToDeclarations(FileSymbolsModel file) => new(
        file.Path,
        file.ClassName,
        file.Symbols.Select(s => new DeclaredSymbol(s.Id, s.Kind, file.Path, s.Ordinal, default, new LinePosition(1, 1), s.Misplaced)).ToArray());

    /// <summary>Binds a file against all ids; the result is a value-equatable model of what to emit.</summary>
    public static BoundFile Bind(ParsedFileModel file, IdTableModel ids, CancellationToken cancellationToken)
    {
        var syntax = Parser.ParseForBinding(new SourceFile(file.Path, file.Text), cancellationToken);
        return Binder.BindFile(syntax, ToDeclarations(file.Symbols), ids.Table, cancellationToken);
    }

    public static FileModel ToModel(BoundFile bound, SymbolTable table, CancellationToken cancellationToken)
    {
        var encoded = RecordEncoder.Encode(bound, table, cancellationToken);
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
