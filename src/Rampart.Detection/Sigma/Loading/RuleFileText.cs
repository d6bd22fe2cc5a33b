using System.Text;
using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Sigma.Loading;

/// <summary>Reads a rule or placeholders file as text, within the size limit, reporting what goes wrong.</summary>
internal static class RuleFileText
{
    public static string? Read(string path, int maxBytes, List<Diagnostic> diagnostics)
    {
        var at = new SourceLocation(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(SigmaDiagnostics.PathNotFoundError(at));
                return null;
            }

            if (info.Length > maxBytes)
            {
                diagnostics.Add(SigmaDiagnostics.FileTooLargeError(at, info.Length, maxBytes));
                return null;
            }

            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            diagnostics.Add(SigmaDiagnostics.FileUnreadableError(at, e.Message));
            return null;
        }
    }
}
