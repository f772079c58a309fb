using System.Text;
using System.Text.Json.Nodes;
using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Formatting;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.LanguageServer;

/// <summary>The language features of the server, over the current compilation of the workspace.</summary>
internal sealed class Features(ServerWorkspace workspace, string? documentPath, CancellationToken cancellationToken)
{
    private BoundCompilation? compilation;

    /// <summary>The compilation of the request's document: its project's, its folder's, or its own.</summary>
    private BoundCompilation Compilation => compilation ??= workspace.CompilationOf(documentPath, cancellationToken) ?? workspace.Compilation(cancellationToken);

    public static JsonObject ToLsp(SourceFile file, Diagnostic diagnostic)
    {
        var result = new JsonObject
        {
            ["range"] = Protocol.Range(file, diagnostic.Location.Span),
            ["severity"] = diagnostic.Severity switch
            {
                Severity.Error => 1,
                Severity.Warning => 2,
                Severity.Info => 3,
                _ => 4,
            },
            ["code"] = diagnostic.Id,
            ["codeDescription"] = new JsonObject { ["href"] = diagnostic.Rule.HelpLink },
            ["source"] = "stmt",
            ["message"] = diagnostic.Message,
        };
        if (diagnostic.RelatedLocation is { } related)
        {
            result["relatedInformation"] = new JsonArray(new JsonObject
            {
                ["location"] = new JsonObject
                {
                    ["uri"] = Protocol.UriOf(related.Path),
                    ["range"] = new JsonObject
                    {
                        ["start"] = new JsonObject { ["line"] = related.Start.Line - 1, ["character"] = related.Start.Column - 1 },
                        ["end"] = new JsonObject { ["line"] = related.Start.Line - 1, ["character"] = related.Start.Column - 1 },
                    },
                },
                ["message"] = "first declared here",
            });
        }

        return result;
    }

    public JsonNode? Definition(JsonNode? parameters)
    {
        var (_, id) = IdAt(parameters);
        return id is null ? null : Declaration(id) is { } declaration ? Protocol.Location(workspace.SyntaxOf(declaration.File).Source, declaration.Span) : null;
    }

    public JsonNode References(JsonNode? parameters)
    {
        var (_, id) = IdAt(parameters);
        var includeDeclaration = parameters?["context"]?["includeDeclaration"]?.GetValue<bool>() ?? true;
        return new JsonArray(Occurrences(id)
            .Where(o => includeDeclaration || !o.IsDeclaration)
            .Select(o => (JsonNode)Protocol.Location(workspace.SyntaxOf(o.File).Source, o.Span))
            .ToArray());
    }

    public JsonNode? PrepareRename(JsonNode? parameters)
    {
        var (context, id) = IdAt(parameters);
        if (id is null || context is null || Declaration(id) is null)
        {
            return null;
        }

        return new JsonObject { ["range"] = Protocol.Range(context.Value.File, context.Value.Token.Span), ["placeholder"] = id };
    }

    public JsonNode? Rename(JsonNode? parameters)
    {
        var (_, id) = IdAt(parameters);
        var newName = parameters?["newName"]?.GetValue<string>() ?? string.Empty;
        if (id is null || Declaration(id) is null)
        {
            return null;
        }

        var probe = Parser.Parse(new SourceFile("rename.stmt", "person " + newName + " { }"));
        if (probe.HasErrors || probe.Declarations.Count != 1 || probe.Declarations[0].Identifier?.Text != newName)
        {
            throw new LspException(-32602, $"'{newName}' is not a valid identifier");
        }

        var occurrences = Occurrences(id).GroupBy(o => o.File).ToList();
        if (NewProblemAfterRename(occurrences, newName) is { } problem)
        {
            throw new LspException(-32602, $"Renaming '{id}' to '{newName}' would give {problem.Id}: {problem.Message}");
        }

        var changes = new JsonObject();
        foreach (var group in occurrences)
        {
            changes[Protocol.UriOf(group.Key.Path)] = new JsonArray(group
                .Select(o => (JsonNode)new JsonObject { ["range"] = Protocol.Range(workspace.SyntaxOf(group.Key).Source, o.Span), ["newText"] = newName })
                .ToArray());
        }

        return new JsonObject { ["changes"] = changes };
    }

    /// <summary>
    /// The first duplicate id (STMT1004) or C# name clash (STMT1012) that the workspace would have after
    /// the rename and does not have now: the files are bound again with the rename applied, so the
    /// rename is refused by the very checks the build makes.
    /// </summary>
    private Diagnostic? NewProblemAfterRename(List<IGrouping<BoundFile, IdOccurrence>> occurrences, string newName)
    {
        static bool Refuses(Diagnostic diagnostic) => diagnostic.Id is "STMT1004" or "STMT1012";
        var compilation = Compilation;
        var renamed = occurrences.ToDictionary(group => group.Key.Path, group =>
        {
            var text = new StringBuilder(workspace.SyntaxOf(group.Key).Source.Text);
            foreach (var occurrence in group.OrderByDescending(o => o.Span.Start))
            {
                text.Remove(occurrence.Span.Start, occurrence.Span.Length).Insert(occurrence.Span.Start, newName);
            }

            return text.ToString();
        });
        var before = new HashSet<string>(compilation.Diagnostics.Where(Refuses).Select(d => d.Id + " " + d.Message), StringComparer.Ordinal);
        var after = Binder.ParseAndBind(
            compilation.Files.Select(f => new SourceFile(f.Path, renamed.TryGetValue(f.Path, out var text) ? text : workspace.SyntaxOf(f).Source.Text)),
            cancellationToken);
        return after.Diagnostics.Where(Refuses).FirstOrDefault(d => !before.Contains(d.Id + " " + d.Message));
    }

    public JsonNode? Hover(JsonNode? parameters)
    {
        var (context, id) = IdAt(parameters);
        if (id is null || context is null || !Compilation.EntitiesById.TryGetValue(id, out var entity))
        {
            return QuoteHover(parameters);
        }

        var text = new StringBuilder().Append("**").Append(DeclarationKinds.Keyword(entity.Kind)).Append("** `").Append(id).Append('`');
        foreach (var name in entity.FieldsNamed("name").Concat(entity.FieldsNamed("title")))
        {
            text.Append("\n\n").Append(((TextValue)name.Value).Text).Append(name.Language is null ? string.Empty : " (" + name.Language + ")");
        }

        if (entity.EffectiveDate is { } date)
        {
            text.Append("\n\ndate: ").Append(date);
        }

        if (entity.Field("role")?.Value is TextValue role)
        {
            text.Append("\n\nrole: ").Append(role.Text);
        }

        if (entity.Kind == DeclarationKind.Person)
        {
            AppendMemberships(text, id);
        }

        var uses = Occurrences(id).Where(o => !o.IsDeclaration).ToList();
        text.Append("\n\n").Append(uses.Count).Append(uses.Count == 1 ? " reference" : " references");
        foreach (var use in uses.Take(10))
        {
            var position = workspace.SyntaxOf(use.File).Source.GetPosition(use.Span.Start);
            text.Append("\n- ").Append(Path.GetFileName(use.File.Path)).Append(':').Append(position.Line);
        }

        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = text.ToString() },
            ["range"] = Protocol.Range(context.Value.File, context.Value.Token.Span),
        };
    }

    /// <summary>
    /// Over a quote of a file with a <c>source_document</c>: the quote in its context in the document, with
    /// its line and column, or the closest passage when it is not there.
    /// </summary>
    private JsonNode? QuoteHover(JsonNode? parameters)
    {
        var (syntax, offset) = Locate(parameters);
        var compilation = Compilation;
        var file = syntax is null ? null : compilation.Files.FirstOrDefault(f => f.Path == syntax.Source.Path);
        if (file is null || compilation.QuotesOf(file) is not { Document: { } document, DocumentPath: { } documentPath } quotes)
        {
            return null;
        }

        if (file.Entities.SelectMany(e => e.Fields)
                .Where(f => f.Name == "quote" && f.Text is not null && f.ValueSpan.Start <= offset && offset <= f.ValueSpan.End)
                .Select(f => (BoundField?)f).FirstOrDefault() is not { } quote)
        {
            return null;
        }
        string text;
        if (quotes.Matches.TryGetValue(quote.ValueSpan.Start, out var match))
        {
            const int context = 120;
            var before = document.Text.Substring(Math.Max(0, match.Start - context), Math.Min(context, match.Start));
            var after = document.Text.Substring(match.End, Math.Min(context, document.Text.Length - match.End));
            text = "**quote** found in `" + documentPath + "`, line " + match.Position.Line + ", column " + match.Position.Column + ":\n\n> …"
                + OneLine(before) + "**" + OneLine(document.Text[match.Start..match.End]) + "**" + OneLine(after) + "…";
        }
        else
        {
            text = QuoteCheck.Describe(documentPath, document.Closest(((TextValue)quote.Value).Text));
        }

        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = text },
            ["range"] = Protocol.Range(syntax!.Source, quote.ValueSpan),
        };
    }

    /// <summary>Line breaks and runs of white space as one space, so a passage reads as one line of a hover.</summary>
    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>The person's memberships from every file, ordered by <c>from</c>: "- uk · Permanent Representative · 2015-04 – 2018-01".</summary>
    private void AppendMemberships(StringBuilder text, string personId)
    {
        var memberships = Compilation.MembershipsOf(personId)
            .OrderBy(e => (e.Field("from")?.Value as DateValue)?.Date)
            .ToList();
        if (memberships.Count == 0)
        {
            return;
        }

        text.Append("\n\nmemberships:");
        foreach (var membership in memberships)
        {
            text.Append("\n- ").Append((membership.Field("org")?.Value as ReferenceValue)?.Id ?? "?");
            if (membership.Field("role")?.Value is TextValue post)
            {
                text.Append(" · ").Append(post.Text);
            }

            text.Append(" · ").Append((membership.Field("from")?.Value as DateValue)?.Date.ToString() ?? "…")
                .Append(" – ").Append((membership.Field("until")?.Value as DateValue)?.Date.ToString() ?? "…");
        }
    }

    /// <summary>After <c>field:</c> the ids of the kinds it takes, or its enum values; elsewhere in a block, the kind's fields and nested kinds.</summary>
    public JsonNode Completion(JsonNode? parameters)
    {
        var (file, offset) = Locate(parameters);
        var items = new JsonArray();
        if (file is null)
        {
            return items;
        }

        var context = CompletionContext.At(file.Source, offset);
        if (context.Place == CompletionPlace.None)
        {
            return items;
        }

        var replace = Protocol.Range(file.Source, TextSpan.FromBounds(context.PrefixStart, offset));
        void Add(string label, int kind, string detail, int rank = 0)
        {
            if (label.StartsWith(context.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                items.Add(new JsonObject
                {
                    ["label"] = label,
                    ["kind"] = kind,
                    ["detail"] = detail,
                    ["sortText"] = rank.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + label,
                    ["textEdit"] = new JsonObject { ["range"] = replace.DeepClone(), ["newText"] = label },
                });
            }
        }

        var declaration = SyntaxLookup.DeclarationAt(file.Declarations, offset);
        if (context.Place == CompletionPlace.Value)
        {
            if (declaration?.Kind is { } kind && context.FieldName is { } fieldName && DeclarationKinds.FindField(kind, fieldName) is { } spec)
            {
                if (spec.Type is FieldType.Reference or FieldType.ReferenceList)
                {
                    // Ids of the kind the field names first come first: 'by' takes a person before an org.
                    var targets = spec.Targets.ToList();
                    foreach (var symbol in Compilation.EntitiesById.Values.Where(e => targets.Contains(e.Kind)))
                    {
                        Add(symbol.Id!, 18, DeclarationKinds.Keyword(symbol.Kind) + (symbol.Field("name")?.Value is TextValue name ? " · " + name.Text : string.Empty),
                            targets.IndexOf(symbol.Kind));
                    }
                }
                else if (spec.Type == FieldType.Enum)
                {
                    foreach (var value in spec.EnumValues)
                    {
                        Add(value, 20, spec.Name);
                    }
                }
            }

            return items;
        }

        if (declaration?.Kind is { } enclosing)
        {
            foreach (var field in DeclarationKinds.Fields(enclosing))
            {
                Add(field.Name, 5, field.Describe());
            }

            if (enclosing == DeclarationKind.Meeting)
            {
                foreach (var nested in new[] { "speech", "walkout", "vote", "event" })
                {
                    Add(nested, 14, "declaration inside a meeting", 1);
                }
            }
            else if (enclosing == DeclarationKind.Person)
            {
                Add("membership", 14, "a post the person held, with its org and dates", 1);
            }
        }
        else
        {
            foreach (var keyword in new[] { "transcript", "person", "org", "membership", "meeting", "statement" })
            {
                Add(keyword, 14, "declaration");
            }
        }

        return items;
    }

    public JsonNode DocumentSymbols(JsonNode? parameters)
    {
        var (file, _) = Locate(parameters);
        return file is null ? new JsonArray() : new JsonArray(file.Declarations.Where(d => d.Kind is not null).Select(d => (JsonNode)Symbol(file.Source, d)).ToArray());
    }

    /// <summary>Every declaration that spans lines folds, nested ones too, and so does a text block.</summary>
    public JsonNode FoldingRanges(JsonNode? parameters)
    {
        var (file, _) = Locate(parameters);
        var ranges = new JsonArray();
        if (file is null)
        {
            return ranges;
        }

        void Fold(TextSpan span, string? kind = null)
        {
            var start = file.Source.GetPosition(span.Start);
            var end = file.Source.GetPosition(span.End);
            if (end.Line > start.Line)
            {
                var range = new JsonObject { ["startLine"] = start.Line - 1, ["endLine"] = end.Line - 1 };
                if (kind is not null)
                {
                    range["kind"] = kind;
                }

                ranges.Add(range);
            }
        }

        void Walk(IEnumerable<MemberSyntax> members)
        {
            foreach (var member in members)
            {
                if (member is DeclarationSyntax declaration)
                {
                    Fold(TextSpan.FromBounds(declaration.KindToken.Span.Start, declaration.LastToken.Span.End));
                    Walk(declaration.Members);
                }
                else if (member is FieldSyntax { Value: TokenValueSyntax { Token: { Kind: TokenKind.TextBlock } block } })
                {
                    Fold(block.Span);
                }
            }
        }

        Walk(file.Declarations);
        return ranges;
    }

    /// <summary>The declarations of the whole workspace whose id contains the query (ordinal, ignoring case), as <c>workspace/symbol</c> asks.</summary>
    public JsonNode WorkspaceSymbols(JsonNode? parameters)
    {
        var query = parameters?["query"]?.GetValue<string>() ?? string.Empty;
        return new JsonArray(workspace.AllCompilations(cancellationToken)
            .SelectMany(compilation => SyntaxLookup.Occurrences(compilation)
                .Where(o => o.IsDeclaration && o.Id.Contains(query, StringComparison.OrdinalIgnoreCase))
                .Select(o => (Occurrence: o, Kind: compilation.EntitiesById.TryGetValue(o.Id, out var entity) ? entity.Kind : (DeclarationKind?)null)))
            .Take(1_000)
            .Select(found => (Found: found, o: found.Occurrence))
            .Select(pair => (JsonNode)new JsonObject
            {
                ["name"] = pair.o.Id,
                ["kind"] = SymbolKind(pair.Found.Kind),
                ["location"] = Protocol.Location(workspace.SyntaxOf(pair.o.File).Source, pair.o.Span),
                ["containerName"] = pair.o.File.ClassName,
            })
            .ToArray());
    }

    public JsonNode SemanticTokens(JsonNode? parameters)
    {
        var (file, _) = Locate(parameters);
        return file is null ? new JsonObject { ["data"] = new JsonArray() } : StatementDsl.LanguageServer.SemanticTokens.Of(file);
    }

    /// <summary>"3 references" above each declaration with an id, counted across its compilation.</summary>
    public JsonNode CodeLenses(JsonNode? parameters)
    {
        var (file, _) = Locate(parameters);
        if (file is null)
        {
            return new JsonArray();
        }

        var occurrences = SyntaxLookup.Occurrences(Compilation).ToList();
        var uses = occurrences.Where(o => !o.IsDeclaration).GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new JsonArray(occurrences
            .Where(o => o.IsDeclaration && o.File.Path == file.Source.Path)
            .Select(o => (JsonNode)new JsonObject
            {
                ["range"] = Protocol.Range(file.Source, o.Span),
                ["command"] = new JsonObject { ["title"] = References(uses.GetValueOrDefault(o.Id)), ["command"] = string.Empty },
            })
            .ToArray());
    }

    private static string References(int count) => count == 1 ? "1 reference" : count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " references";


    /// <summary>The id under the cursor wherever it stands in this file: its declaration (written) and its references (read).</summary>
    public JsonNode DocumentHighlights(JsonNode? parameters)
    {
        var (context, id) = IdAt(parameters);
        if (context is null || id is null)
        {
            return new JsonArray();
        }

        var path = context.Value.File.Path;
        return new JsonArray(Occurrences(id)
            .Where(o => o.File.Path == path)
            .Select(o => (JsonNode)new JsonObject { ["range"] = Protocol.Range(context.Value.File, o.Span), ["kind"] = o.IsDeclaration ? 3 : 2 })
            .ToArray());
    }

    public JsonNode Formatting(JsonNode? parameters)
    {
        var (file, _) = Locate(parameters);
        if (file is null || Formatter.Format(file) is not { } formatted)
        {
            return new JsonArray();
        }

        var source = file.Source;
        var result = Formatter.WithLineEndingsOf(formatted, source.Text);
        return result == source.Text
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["range"] = Protocol.Range(source, new TextSpan(0, source.Text.Length)), ["newText"] = result });
    }

    /// <summary>"Did you mean …" fixes for unknown references (STMT1003).</summary>
    public JsonNode CodeActions(JsonNode? parameters)
    {
        var (file, _) = Locate(parameters);
        var actions = new JsonArray();
        if (file is null)
        {
            return actions;
        }

        var compilation = Compilation;
        foreach (var diagnostic in parameters?["context"]?["diagnostics"]?.AsArray() ?? [])
        {
            if (diagnostic?["code"]?.GetValue<string>() != Rules.UnknownReference.Id)
            {
                continue;
            }

            var (line, character) = Protocol.Position(diagnostic["range"]?["start"]);
            var offset = file.Source.GetOffset(line, character);
            if (SyntaxLookup.TokenAt(file, offset) is not { Field: { } field } context)
            {
                continue;
            }

            var spec = context.Declaration.Kind is { } kind ? DeclarationKinds.FindField(kind, field.Name.ValueText) : null;
            var candidates = compilation.EntitiesById.Values.Where(e => spec is null || spec.Targets.Contains(e.Kind)).Select(e => e.Id!);
            if (Suggestions.Nearest(context.Token.ValueText, candidates) is not { } suggestion)
            {
                continue;
            }

            actions.Add(new JsonObject
            {
                ["title"] = $"Change '{context.Token.Text}' to '{suggestion}'",
                ["kind"] = "quickfix",
                ["diagnostics"] = new JsonArray(diagnostic.DeepClone()),
                ["isPreferred"] = true,
                ["edit"] = new JsonObject
                {
                    ["changes"] = new JsonObject
                    {
                        [Protocol.UriOf(file.Source.Path)] = new JsonArray(new JsonObject { ["range"] = Protocol.Range(file.Source, context.Token.Span), ["newText"] = suggestion }),
                    },
                },
            });
        }

        return actions;
    }

    /// <summary>The LSP symbol kind shown for a declaration's kind.</summary>
    private static int SymbolKind(DeclarationKind? kind) => kind switch
    {
        DeclarationKind.Meeting => 3,
        DeclarationKind.Person or DeclarationKind.Org => 19,
        DeclarationKind.Speech or DeclarationKind.Statement => 12,
        DeclarationKind.Transcript => 1,
        _ => 24,
    };

    private static JsonObject Symbol(SourceFile source, DeclarationSyntax declaration)
    {
        var end = declaration.CloseBrace.IsMissing ? declaration.LastToken.Span.End : declaration.CloseBrace.Span.End;
        return new JsonObject
        {
            ["name"] = declaration.Identifier?.Text ?? declaration.KindToken.Text,
            ["detail"] = declaration.KindToken.Text,
            ["kind"] = SymbolKind(declaration.Kind),
            ["range"] = Protocol.Range(source, TextSpan.FromBounds(declaration.KindToken.Span.Start, end)),
            ["selectionRange"] = Protocol.Range(source, declaration.NameSpan),
            ["children"] = new JsonArray(declaration.Members.OfType<DeclarationSyntax>().Where(d => d.Kind is not null).Select(d => (JsonNode)Symbol(source, d)).ToArray()),
        };
    }

    /// <summary>The syntax of the document a request names, and the offset of its position.</summary>
    private (SyntaxFile? File, int Offset) Locate(JsonNode? parameters)
    {
        var uri = parameters?["textDocument"]?["uri"]?.GetValue<string>();
        var bound = uri is null ? null : Compilation.Files.FirstOrDefault(f => f.Path == Protocol.PathOf(uri));
        if (bound is null)
        {
            return (null, 0);
        }

        var file = workspace.SyntaxOf(bound);
        var (line, character) = Protocol.Position(parameters?["position"]);
        return (file, file.Source.GetOffset(line, character));
    }

    /// <summary>The id under the cursor, whether at its declaration or at a reference.</summary>
    private ((SourceFile File, Token Token)? Context, string? Id) IdAt(JsonNode? parameters)
    {
        var (file, offset) = Locate(parameters);
        if (file is null || SyntaxLookup.TokenAt(file, offset) is not { } context || context.Token.Kind != TokenKind.Identifier)
        {
            return (null, null);
        }

        var isDeclarationId = context.Field is null && context.Token == context.Declaration.Identifier;
        var isReference = context.Field is not null && context.Token != context.Field.Name;
        return isDeclarationId || isReference ? ((file.Source, context.Token), context.Token.ValueText) : (null, null);
    }

    private IdOccurrence? Declaration(string id) =>
        SyntaxLookup.Occurrences(Compilation).FirstOrDefault(o => o.IsDeclaration && o.Id == id);

    private IEnumerable<IdOccurrence> Occurrences(string? id) =>
        id is null ? [] : SyntaxLookup.Occurrences(Compilation).Where(o => o.Id == id);
}
