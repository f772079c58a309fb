using System.Text;

namespace StatementDsl.Cli;

/// <summary>
/// <c>stmt render --to html [--force] [--title TEXT] -o DIR PATH…</c>: the archive as a static website
/// (<see cref="HtmlSite"/>, docs/render.md). Nothing is rendered from files with errors unless
/// <c>--force</c>. The site is written into a new folder beside <c>DIR</c> and then put in its place, so
/// a reader never sees half a site; a folder that holds anything but an earlier rendering is refused.
/// </summary>
internal static class RenderCommand
{
    /// <summary>Marks a folder as written by this command, so that rendering again may replace it.</summary>
    public const string Marker = ".stmt-render";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var (target, outputPath, force, title, paths) = CommandOptions.Parse(arguments, "render", "--to", acceptsTitle: true);

        if (target != "html")
        {
            throw new UsageException(target is null ? "render needs --to html" : $"Unknown render target '{target}'; the available target is html");
        }

        if (outputPath is null)
        {
            throw new UsageException("render needs -o DIR, the folder the site is written to");
        }

        if (paths.Count == 0)
        {
            throw new UsageException("render needs at least one file or folder");
        }

        var (files, compilation) = Workspace.Load(paths);
        var site = Path.GetFullPath(outputPath).TrimEnd(Path.DirectorySeparatorChar);
        if (files.Any(file => Path.GetFullPath(file).StartsWith(site + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            throw new UsageException($"Refusing to render into {outputPath}: it holds files being rendered");
        }

        if (Directory.Exists(site) && Directory.EnumerateFileSystemEntries(site).Any() && !File.Exists(Path.Combine(site, Marker)))
        {
            throw new UsageException($"Refusing to render into {outputPath}: it is not empty and was not written by 'stmt render'");
        }

        var errors = compilation.Diagnostics.Count(d => d.Severity == StatementDsl.Language.Diagnostics.Severity.Error);
        if (errors > 0 && !force)
        {
            Console.Error.WriteLine($"stmt: nothing rendered: {errors} error(s); run 'stmt check' to see them, or render anyway with --force");
            return 1;
        }

        var pages = Replace(site, write => HtmlSite.Render(compilation, title ?? DefaultTitle(compilation), write));
        output.WriteLine($"rendered {pages} pages to {outputPath}");
        if (errors > 0)
        {
            Console.Error.WriteLine($"stmt: rendered with {errors} error(s); run 'stmt check' to see them");
        }

        return errors > 0 ? 1 : 0;
    }

    /// <summary>The title of the only transcript, else a plain name.</summary>
    private static string DefaultTitle(StatementDsl.Language.Semantics.BoundCompilation compilation)
    {
        var titles = compilation.Files.Select(f => f.Transcript?.Field("title")?.Value).OfType<StatementDsl.Language.Semantics.TextValue>().ToList();
        return titles.Count == 1 && compilation.Files.Count(f => f.Entities.Any(e => e.Kind == StatementDsl.Language.Semantics.DeclarationKind.Meeting)) <= 1
            ? titles[0].Text
            : "Archive of meetings and statements";
    }

    /// <summary>Writes the site into a new sibling folder as <paramref name="render"/> makes it, then swaps it in for the old one.</summary>
    private static int Replace(string site, Func<Action<string, string>, int> render)
    {
        var parent = Path.GetDirectoryName(site)!;
        var staging = Path.Combine(parent, "." + Path.GetFileName(site) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        var old = staging[..^4] + ".old";
        try
        {
            Directory.CreateDirectory(staging);
            var pages = render((path, text) =>
            {
                var file = Path.Combine(staging, path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, text, Utf8);
            });

            File.WriteAllText(Path.Combine(staging, Marker), "Written by stmt render; rendering again replaces this folder.\n", Utf8);
            if (Directory.Exists(site))
            {
                Directory.Move(site, old);
            }

            Directory.Move(staging, site);
            if (Directory.Exists(old))
            {
                Directory.Delete(old, recursive: true);
            }

            return pages;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw new UsageException($"Cannot write {site}: {exception.Message}");
        }
    }
}
