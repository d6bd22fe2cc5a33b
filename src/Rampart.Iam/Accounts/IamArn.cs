namespace Rampart.Iam.Accounts;

/// <summary>Reads the parts of IAM ARNs (<c>arn:partition:iam::account:resource</c>) without allocating.</summary>
internal static class IamArn
{
    /// <summary>The account field of AWS managed policies.</summary>
    public const string AwsAccount = "aws";

    /// <summary>Whether <paramref name="arn"/> has the shape of an IAM ARN: service <c>iam</c>, no region, an account, a resource.</summary>
    public static bool IsIamArn(string arn) =>
        TrySplit(arn, out var service, out var region, out var account, out var resource)
        && service.SequenceEqual("iam")
        && region.IsEmpty
        && !account.IsEmpty
        && !resource.IsEmpty;

    /// <summary>The twelve-digit account an ARN names, or null (AWS managed policies name <c>aws</c>).</summary>
    public static string? Account(string arn)
    {
        if (!TrySplit(arn, out _, out _, out var account, out _) || account.Length != 12)
            return null;
        foreach (var c in account)
        {
            if (!char.IsAsciiDigit(c))
                return null;
        }

        return account.ToString();
    }

    /// <summary>Whether the ARN names a policy owned by AWS (<c>arn:*:iam::aws:policy/…</c>).</summary>
    public static bool IsAwsManagedPolicy(string arn) =>
        TrySplit(arn, out _, out _, out var account, out var resource)
        && account.SequenceEqual(AwsAccount)
        && resource.StartsWith("policy/", StringComparison.Ordinal);

    /// <summary>The last segment of the resource, which IAM uses as the name (<c>…:policy/team/Readers</c> → <c>Readers</c>).</summary>
    public static string LastSegment(string arn)
    {
        var cut = arn.AsSpan().LastIndexOfAny('/', ':');
        return cut < 0 ? arn : arn[(cut + 1)..];
    }

    private static bool TrySplit(
        string arn,
        out ReadOnlySpan<char> service,
        out ReadOnlySpan<char> region,
        out ReadOnlySpan<char> account,
        out ReadOnlySpan<char> resource)
    {
        service = region = account = resource = default;
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
            return false;
        Span<int> colons = stackalloc int[5];
        colons[0] = 3;
        for (var i = 1; i < colons.Length; i++)
        {
            colons[i] = arn.IndexOf(':', colons[i - 1] + 1);
            if (colons[i] < 0)
                return false;
        }

        if (colons[1] == colons[0] + 1)
            return false;
        service = arn.AsSpan(colons[1] + 1, colons[2] - colons[1] - 1);
        region = arn.AsSpan(colons[2] + 1, colons[3] - colons[2] - 1);
        account = arn.AsSpan(colons[3] + 1, colons[4] - colons[3] - 1);
        resource = arn.AsSpan(colons[4] + 1);
        return true;
    }
}
