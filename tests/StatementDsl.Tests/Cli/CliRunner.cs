using StatementDsl.Cli;

namespace StatementDsl.Tests.Cli;

/// <summary>Runs the <c>stmt</c> command in process, capturing standard output and standard error.</summary>
internal static class CliRunner
{
    private static readonly Lock ConsoleLock = new();

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        lock (ConsoleLock)
        {
            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            var previousError = Console.Error;
            Console.SetError(error);
            try
            {
                var code = CommandLine.Run(args, output);
                return (code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetError(previousError);
            }
        }
    }

    public static string TempFolder(params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "stmt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return folder;
    }
}
