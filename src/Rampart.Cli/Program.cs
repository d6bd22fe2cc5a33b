using Rampart.Cli;

return await RampartCommand.RunAsync(args).ConfigureAwait(false);
