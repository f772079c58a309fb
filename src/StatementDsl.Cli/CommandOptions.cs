namespace StatementDsl.Cli;

/// <summary>
/// The options <c>export</c>, <c>render</c> and <c>import</c> share — a format (<c>--to</c> or <c>--from</c>),
/// <c>-o</c>, <c>--force</c>, <c>--title</c> — and the paths after them, parsed once for all three.
/// </summary>
internal sealed record CommandOptions(string? Format, string? Output, bool Force, string? Title, List<string> Paths)
{
    /// <param name="formatOption"><c>--to</c> or <c>--from</c>.</param>
    /// <param name="acceptsTitle">Whether <c>--title</c> is an option of the command.</param>
    /// <param name="acceptsForce">Whether <c>--force</c> is an option of the command.</param>
    public static CommandOptions Parse(IReadOnlyList<string> arguments, string command, string formatOption, bool acceptsTitle = false, bool acceptsForce = true)
    {
        string? format = null;
        string? output = null;
        string? title = null;
        var force = false;
        var paths = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case var option when option == formatOption && i + 1 < arguments.Count:
                    format = arguments[++i];
                    break;
                case "-o" or "--output" when i + 1 < arguments.Count:
                    output = arguments[++i];
                    break;
                case "--title" when acceptsTitle && i + 1 < arguments.Count:
                    title = arguments[++i];
                    break;
                case "--force" when acceptsForce:
                    force = true;
                    break;
                case var option when option.StartsWith('-'):
                    throw new UsageException($"Unknown or incomplete option {option} for {command}");
                default:
                    paths.Add(arguments[i]);
                    break;
            }
        }

        return new CommandOptions(format, output, force, title, paths);
    }
}
