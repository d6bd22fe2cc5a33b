using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.Route53;

/// <summary>One Resolver query log record before formatting.</summary>
internal struct DnsQuery
{
    public long Time;
    public string Name;
    public string Type;
    public string ResponseCode;
    public NetworkInterface Source;
    public int SourcePort;
    public bool Tcp;

    /// <summary>Up to four answers; <see cref="AnswerCount"/> says how many are set.</summary>
    public DnsAnswer Answer0;
    public DnsAnswer Answer1;
    public DnsAnswer Answer2;
    public DnsAnswer Answer3;
    public int AnswerCount;

    public void AddAnswer(DnsAnswer answer)
    {
        switch (AnswerCount)
        {
            case 0:
                Answer0 = answer;
                break;
            case 1:
                Answer1 = answer;
                break;
            case 2:
                Answer2 = answer;
                break;
            case 3:
                Answer3 = answer;
                break;
            default:
                return;
        }

        AnswerCount++;
    }

    public readonly DnsAnswer AnswerAt(int index) => index switch
    {
        0 => Answer0,
        1 => Answer1,
        2 => Answer2,
        _ => Answer3,
    };
}
