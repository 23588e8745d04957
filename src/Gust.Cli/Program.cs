return Gust.Cli.GustCommand.Run(args);
