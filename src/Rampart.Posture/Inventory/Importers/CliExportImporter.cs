using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// Imports a directory of AWS CLI JSON output. Two layouts, told apart by the directory's children:
/// <list type="bullet">
/// <item>Rampart's: <c>&lt;account&gt;/&lt;region|global&gt;/&lt;service&gt;-&lt;operation&gt;.json</c>, per-resource calls in
/// <c>&lt;service&gt;-&lt;operation&gt;/&lt;id&gt;.json</c> (the id URL-encoded); the path may also be one account's folder.</item>
/// <item>CloudMapper <c>collect</c>'s: <c>&lt;account-name&gt;/&lt;region&gt;/…</c> (or one account's folder), per-resource files
/// without extension; the account comes from <c>sts-get-caller-identity.json</c> or ARNs in the data.</item>
/// </list>
/// Files that are not a mapped call are reported as Info and skipped; see docs/inventory.md for the calls mapped.
/// </summary>
public sealed partial class CliExportImporter : IInventoryImporter
{
    /// <inheritdoc />
    public string Name => "cli-export";

    /// <summary>Whether <paramref name="directory"/> looks like an export: it, a child or a grandchild is a region or <c>global</c> folder.</summary>
    public static bool LooksLikeExport(string directory) =>
        Directory.Exists(directory) && AccountFolders(directory).Any();

    /// <inheritdoc />
    public ImmutableArray<CloudResource> Import(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(path);
        Guard.NotNull(diagnostics);
        if (!Directory.Exists(path))
        {
            diagnostics.Report(InventoryDiagnostics.CannotRead(new SourceLocation(path), "not a directory"));
            return [];
        }

        var resources = ImmutableArray.CreateBuilder<CloudResource>();
        foreach (var folder in AccountFolders(path))
            resources.AddRange(ImportAccount(folder, diagnostics));
        foreach (var file in Directory.EnumerateFiles(path).Order(StringComparer.Ordinal))
            diagnostics.Report(InventoryDiagnostics.UnmappedFile(new SourceLocation(file), Path.GetFileName(file)));
        return resources.ToImmutable();
    }

    [GeneratedRegex("^(global|[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9])$")]
    private static partial Regex RegionName();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountName();

    private static bool IsRegionFolder(string directory) => RegionName().IsMatch(Path.GetFileName(directory));

    private static IEnumerable<string> AccountFolders(string root)
    {
        var children = Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal).ToList();
        if (children.Any(IsRegionFolder))
            return [root];
        return children.Where(child => Directory.EnumerateDirectories(child).Any(IsRegionFolder));
    }

    private static ImmutableArray<CloudResource> ImportAccount(string folder, IDiagnosticSink diagnostics)
    {
        var regions = Directory.EnumerateDirectories(folder).Where(IsRegionFolder).Order(StringComparer.Ordinal).ToList();
        var lists = new List<(string Region, string Service, string Operation, JsonInput Input)>();
        var perResource = new List<(string Region, string Service, string Operation, string Id, JsonInput Input)>();
        foreach (var region in regions)
        {
            foreach (var file in Directory.EnumerateFiles(region).Order(StringComparer.Ordinal))
            {
                if (Call(Path.GetFileName(file)) is not var (service, operation))
                {
                    diagnostics.Report(InventoryDiagnostics.UnmappedFile(new SourceLocation(file), Path.GetFileName(file)));
                    continue;
                }

                if (Read(file, diagnostics) is { } input)
                    lists.Add((Path.GetFileName(region), service, operation, input));
            }

            foreach (var directory in Directory.EnumerateDirectories(region).Order(StringComparer.Ordinal))
            {
                if (Call(Path.GetFileName(directory)) is not var (service, operation) || !ApiResponseMapper.IsPerResource(service, operation))
                {
                    diagnostics.Report(InventoryDiagnostics.UnmappedFile(new SourceLocation(directory), Path.GetFileName(directory) + "/"));
                    continue;
                }

                foreach (var nested in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
                    diagnostics.Report(InventoryDiagnostics.UnmappedFile(new SourceLocation(nested), Path.GetFileName(directory) + "/" + Path.GetFileName(nested) + "/"));
                foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(file);
                    var id = Uri.UnescapeDataString(name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name);
                    if (Read(file, diagnostics) is { } input)
                        perResource.Add((Path.GetFileName(region), service, operation, id, input));
                }
            }
        }

        var account = Account(folder, lists.Select(static l => l.Input).Concat(perResource.Select(static p => p.Input)), diagnostics);
        var resources = new ResourceAccumulator("cli-export");
        foreach (var (region, service, operation, input) in lists)
            Apply(new ApiCall { Service = service, Operation = operation, Body = Body(input), Input = input, Account = account, Region = region }, resources, diagnostics);
        foreach (var (region, service, operation, id, input) in perResource)
            Apply(new ApiCall { Service = service, Operation = operation, Body = Body(input), Input = input, Account = account, Region = region, ResourceHint = id }, resources, diagnostics);
        return resources.Build();
    }

    private static void Apply(ApiCall call, ResourceAccumulator resources, IDiagnosticSink diagnostics)
    {
        if (call.Input.Root is not JsonObject)
        {
            diagnostics.Report(InventoryDiagnostics.MissingMember(call.Input.At("$"), "$", "an object (the response)"));
            return;
        }

        ApiResponseMapper.Apply(call, resources, diagnostics);
    }

    private static JsonObject Body(JsonInput input) => input.Root as JsonObject ?? [];

    private static JsonInput? Read(string file, IDiagnosticSink diagnostics)
    {
        if (new FileInfo(file).Length == 0)
        {
            diagnostics.Report(InventoryDiagnostics.NotAResource(new SourceLocation(file), "the file is empty (the call failed or returned nothing)"));
            return null;
        }

        return JsonInput.Read(file, diagnostics);
    }

    /// <summary>The mapped call a file or folder name (<c>ec2-describe-security-groups.json</c>) stands for, or null.</summary>
    internal static (string Service, string Operation)? Call(string name)
    {
        var stem = name.EndsWith(".json", StringComparison.Ordinal) ? name[..^5] : name;

        // The CLI's own names for two services whose API names the layout uses.
        if (stem.StartsWith("configservice-", StringComparison.Ordinal))
            stem = "config-" + stem["configservice-".Length..];
        else if (stem.StartsWith("s3api-", StringComparison.Ordinal))
            stem = "s3-" + stem["s3api-".Length..];
        for (var dash = stem.IndexOf('-', StringComparison.Ordinal); dash > 0; dash = stem.IndexOf('-', dash + 1))
        {
            var (service, operation) = (stem[..dash], stem[(dash + 1)..]);
            if (ApiResponseMapper.IsMapped(service, operation))
                return (service, operation);
        }

        return null;
    }

    // The folder's name when it is an account id; else STS get-caller-identity output; else the first account in an ARN.
    private static string Account(string folder, IEnumerable<JsonInput> inputs, IDiagnosticSink diagnostics)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (AccountName().IsMatch(name))
            return name;
        var all = inputs.ToList();
        foreach (var input in all)
        {
            if (Path.GetFileName(input.Path) == "sts-get-caller-identity.json" && Json.String(input.Root, "Account") is { } account && ResourceKeys.IsAccountId(account))
                return account;
        }

        foreach (var input in all)
        {
            if (input.Root is not null && ResourceKeys.FindAccountIn(input.Root.ToJsonString()) is { } found)
                return found;
        }

        diagnostics.Report(InventoryDiagnostics.UnknownAccount(new SourceLocation(folder)));
        return ResourceKeys.UnknownAccount;
    }
}
