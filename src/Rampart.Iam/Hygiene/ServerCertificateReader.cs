using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// Reads <c>aws iam list-server-certificates</c> output (<c>{"ServerCertificateMetadataList": […]}</c>), bare or as placebo
/// records it.
/// </summary>
/// <remarks>Never throws on bad input: problems are reported (codes in <see cref="HygieneDiagnostics"/>); an entry without a name is skipped, a bad date ignored.</remarks>
public static class ServerCertificateReader
{
    /// <summary>The name an unnamed stream is given in diagnostics.</summary>
    public const string UnnamedSource = "<stream>";

    private static readonly JsonInputReader.Reading<ServerCertificateList> Reading = new()
    {
        Command = "aws iam list-server-certificates",
        Member = "ServerCertificateMetadataList",
        MemberIsArray = true,
        Body = ReadList,
    };

    /// <summary>Reads the file at <paramref name="path"/>; null, with a diagnostic, when nothing usable was in it.</summary>
    public static ServerCertificateList? Read(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(path, diagnostics, Reading);
    }

    /// <summary>Reads <paramref name="stream"/> to its end (it is not closed); <paramref name="source"/> names it in diagnostics.</summary>
    public static ServerCertificateList? Read(Stream stream, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(stream, source, diagnostics, Reading);
    }

    /// <summary>Reads JSON text held in a string; <paramref name="source"/> names it in diagnostics.</summary>
    public static ServerCertificateList? Parse(string json, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(json);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(Encoding.UTF8.GetBytes(json), source, new LimitedSink(diagnostics), Reading);
    }

    private static ServerCertificateList ReadList(JsonResponse response, JsonElement list, string path, IDiagnosticSink diagnostics)
    {
        var certificates = ImmutableArray.CreateBuilder<ServerCertificate>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var at = path + "[" + (index++).ToString(CultureInfo.InvariantCulture) + "]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Report(HygieneDiagnostics.WrongType(response.At(at), at, "an object", JsonResponse.Describe(entry)));
                continue;
            }

            string? name = null;
            var arn = "";
            DateTimeOffset? expiration = null;
            DateTimeOffset? upload = null;
            foreach (var member in entry.EnumerateObject())
            {
                var memberPath = at + "." + member.Name;
                switch (member.Name)
                {
                    case "ServerCertificateName":
                        name = JsonInputReader.String(response, member.Value, memberPath, diagnostics);
                        break;
                    case "Arn":
                        arn = JsonInputReader.String(response, member.Value, memberPath, diagnostics) ?? "";
                        break;
                    case "Expiration":
                        expiration = response.Date(member.Value, memberPath, diagnostics);
                        break;
                    case "UploadDate":
                        upload = response.Date(member.Value, memberPath, diagnostics);
                        break;
                }
            }

            if (string.IsNullOrEmpty(name))
            {
                diagnostics.Report(HygieneDiagnostics.WrongType(response.At(at), at + ".ServerCertificateName", "a certificate name", "absent"));
                continue;
            }

            certificates.Add(new ServerCertificate(name, arn, expiration, upload, response.At(at)));
        }

        return new ServerCertificateList(response.Source, certificates.ToImmutable());
    }
}
