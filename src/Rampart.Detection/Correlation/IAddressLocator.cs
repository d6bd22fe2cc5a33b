using System.Net;

namespace Rampart.Detection.Correlation;

/// <summary>Where an address is: its country and network owner, from a GeoIP database. Implementations are thread-safe.</summary>
public interface IAddressLocator
{
    /// <summary>The ISO 3166 country code of <paramref name="address"/>, or null when the database does not know it.</summary>
    string? Country(IPAddress address);

    /// <summary>The autonomous system of <paramref name="address"/> (<c>AS16509 Amazon.com, Inc.</c>), or null when unknown.</summary>
    string? Asn(IPAddress address);
}
