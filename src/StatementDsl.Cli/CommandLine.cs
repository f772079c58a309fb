namespace StatementDsl.Cli;

/// <summary>Dispatches the sub-commands of LANGUAGE.md §9 and maps failures to exit code 2.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage:
          stmt check [--strict] [--format text|sarif] PATH...   report problems; exit 0 ok, 1 errors, 2 usage or I/O
          stmt format [--check] PATH...                         rewrite files in the canonical layout
          stmt export --to json|akn|tei|popolo [--force] [-o FILE|DIR] PATH...   the records as JSON, Akoma Ntoso or TEI (-o DIR), or Popolo (none with errors unless --force)
          stmt import --from akn|tei|popolo -o DIR FILE...      .stmt files from Akoma Ntoso, ParlaMint TEI or Popolo (exit 1 when something could not be kept)
          stmt render --to html -o DIR [--force] [--title TEXT] PATH...   a static website of the records, offline and searchable
          stmt lsp                                              a language server (LSP 3.17) over stdin/stdout
        PATH is a .stmt file or a folder searched recursively.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Count == 0 ? Console.Error : output).WriteLine(Usage);
            return args.Count == 0 ? 2 : 0;
        }

        var rest = args.Skip(1).ToList();
        try
        {
            return args[0] switch
            {
                "check" => CheckCommand.Run(rest, output),
                "format" => FormatCommand.Run(rest, output),
                "export" => ExportCommand.Run(rest, output),
                "render" => RenderCommand.Run(rest, output),
                "import" => ImportCommand.Run(rest, output),
                "lsp" => LanguageServerCommand.Run(rest),
                _ => throw new UsageException($"Unknown command '{args[0]}'.\n{Usage}"),
            };
        }
        catch (UsageException exception)
        {
            Console.Error.WriteLine($"stmt: {exception.Message}");
            return 2;
        }
    }
}
