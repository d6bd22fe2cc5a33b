using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// Reads <c>aws iam list-virtual-mfa-devices</c> output (<c>{"VirtualMFADevices": […]}</c>), bare or as placebo records it.
/// </summary>
/// <remarks>Never throws on bad input: problems are reported (codes in <see cref="HygieneDiagnostics"/>); an entry without a serial number is skipped.</remarks>
public static class VirtualMfaDeviceReader
{
    /// <summary>The name an unnamed stream is given in diagnostics.</summary>
    public const string UnnamedSource = "<stream>";

    private static readonly JsonInputReader.Reading<VirtualMfaDeviceList> Reading = new()
    {
        Command = "aws iam list-virtual-mfa-devices",
        Member = "VirtualMFADevices",
        MemberIsArray = true,
        Body = ReadList,
    };

    /// <summary>Reads the file at <paramref name="path"/>; null, with a diagnostic, when nothing usable was in it.</summary>
    public static VirtualMfaDeviceList? Read(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(path, diagnostics, Reading);
    }

    /// <summary>Reads <paramref name="stream"/> to its end (it is not closed); <paramref name="source"/> names it in diagnostics.</summary>
    public static VirtualMfaDeviceList? Read(Stream stream, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(stream, source, diagnostics, Reading);
    }

    /// <summary>Reads JSON text held in a string; <paramref name="source"/> names it in diagnostics.</summary>
    public static VirtualMfaDeviceList? Parse(string json, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(json);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(Encoding.UTF8.GetBytes(json), source, new LimitedSink(diagnostics), Reading);
    }

    private static VirtualMfaDeviceList ReadList(JsonResponse response, JsonElement list, string path, IDiagnosticSink diagnostics)
    {
        var devices = ImmutableArray.CreateBuilder<VirtualMfaDevice>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var at = path + "[" + (index++).ToString(CultureInfo.InvariantCulture) + "]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Report(HygieneDiagnostics.WrongType(response.At(at), at, "an object", JsonResponse.Describe(entry)));
                continue;
            }

            string? serial = null;
            string? user = null;
            DateTimeOffset? enabled = null;
            foreach (var member in entry.EnumerateObject())
            {
                var memberPath = at + "." + member.Name;
                switch (member.Name)
                {
                    case "SerialNumber":
                        serial = JsonInputReader.String(response, member.Value, memberPath, diagnostics);
                        break;
                    case "User" when member.Value.ValueKind == JsonValueKind.Object:
                        if (member.Value.TryGetProperty("Arn", out var arn))
                            user = JsonInputReader.String(response, arn, memberPath + ".Arn", diagnostics);
                        break;
                    case "User" when member.Value.ValueKind != JsonValueKind.Null:
                        diagnostics.Report(HygieneDiagnostics.WrongType(response.At(memberPath), memberPath, "an object", JsonResponse.Describe(member.Value)));
                        break;
                    case "EnableDate":
                        enabled = response.Date(member.Value, memberPath, diagnostics);
                        break;
                }
            }

            if (string.IsNullOrEmpty(serial))
            {
                diagnostics.Report(HygieneDiagnostics.WrongType(response.At(at), at + ".SerialNumber", "a serial number", "absent"));
                continue;
            }

            devices.Add(new VirtualMfaDevice(serial, user, enabled, response.At(at)));
        }

        return new VirtualMfaDeviceList(response.Source, devices.ToImmutable());
    }
}
