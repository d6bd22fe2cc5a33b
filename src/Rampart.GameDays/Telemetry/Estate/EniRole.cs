namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>What sits behind a network interface; decides the traffic it sees.</summary>
internal enum EniRole
{
    LoadBalancer,
    Web,
    App,
    Database,
    Cache,
    Bastion,
    NatGateway,
    Lambda,
}
