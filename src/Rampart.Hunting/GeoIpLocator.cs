using System.Net;
using MaxMind.Db;
using Rampart.Detection.Correlation;

namespace Rampart.Hunting;

/// <summary>
/// Countries and network owners from MaxMind DB files (GeoLite2/GeoIP2 Country, City and ASN, and databases in the
/// same format such as DB-IP's). Several files may be given, for example a country and an ASN database; the first
/// that knows an address answers. Thread-safe.
/// </summary>
public sealed class GeoIpLocator : IAddressLocator, IDisposable
{
    private readonly List<Reader> _readers = [];

    /// <summary>Opens the databases; throws <see cref="InvalidDatabaseException"/> or <see cref="IOException"/> for a file that is not one.</summary>
    public GeoIpLocator(IEnumerable<string> paths)
    {
        try
        {
            foreach (var path in paths)
                _readers.Add(new Reader(path, FileAccessMode.Memory));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string? Country(IPAddress address)
    {
        foreach (var reader in _readers)
        {
            var record = reader.Find<Dictionary<string, object>>(address);
            if (record is null)
                continue;
            var code = Text(record, "country", "iso_code") ?? Text(record, "registered_country", "iso_code") ?? Text(record, "country_code");
            if (code is not null)
                return code;
        }

        return null;
    }

    /// <inheritdoc />
    public string? Asn(IPAddress address)
    {
        foreach (var reader in _readers)
        {
            var record = reader.Find<Dictionary<string, object>>(address);
            if (record is null || !record.TryGetValue("autonomous_system_number", out var number))
                continue;
            var owner = Text(record, "autonomous_system_organization");
            return "AS" + Convert.ToString(number, System.Globalization.CultureInfo.InvariantCulture) + (owner is null ? "" : " " + owner);
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var reader in _readers)
            reader.Dispose();
        _readers.Clear();
    }

    private static string? Text(Dictionary<string, object> record, string key, string? inner = null)
    {
        if (!record.TryGetValue(key, out var value))
            return null;
        if (inner is null)
            return value as string;
        return value is Dictionary<string, object> nested && nested.TryGetValue(inner, out var text) ? text as string : null;
    }
}
