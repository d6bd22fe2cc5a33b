namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>How a principal behaves: which APIs it calls and with which tools. APIs list the personas that call them.</summary>
[Flags]
internal enum Persona
{
    None = 0,
    Human = 1,
    Automation = 2,
    Workload = 4,
    Service = 8,
    ServiceLinked = 16,
    Root = 32,
    Federated = 64,
    CrossAccount = 128,
    People = Human | Automation | Root | Federated,
}
