namespace StatementDsl.Cli;

/// <summary><c>stmt lsp</c>: a Language Server Protocol 3.17 server over stdin/stdout.</summary>
internal static class LanguageServerCommand
{
    public static int Run(IReadOnlyList<string> arguments)
    {
        if (arguments.Count > 0 && arguments[0] != "--stdio")
        {
            throw new UsageException($"Unknown option {arguments[0]} for lsp");
        }

        var server = new LanguageServer.LanguageServer(Console.OpenStandardInput(), Console.OpenStandardOutput());
        return server.RunAsync().GetAwaiter().GetResult();
    }
}
